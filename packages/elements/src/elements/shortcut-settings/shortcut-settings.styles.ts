import { css } from 'lit';

/** Styles of `<annot-shortcut-settings>`. */
export const shortcutSettingsStyles = css`
  :host {
    display: block;
  }
  .top {
    display: flex;
    align-items: center;
    gap: 8px;
    margin-bottom: 6px;
  }
  .status {
    margin: 0;
    min-height: 1.4em;
    flex: 1;
  }
  .conflict {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    padding: 6px 8px;
    margin-bottom: 6px;
    border: 1px solid var(--annot-accent, #0a84ff);
    border-radius: var(--annot-radius, 4px);
  }
  .conflict p {
    margin: 0;
    flex-basis: 100%;
  }
  tbody th {
    font-weight: normal;
  }
  .binding {
    display: inline-flex;
    align-items: center;
    margin: 0 6px 2px 0;
    white-space: nowrap;
  }
  kbd {
    font: inherit;
    padding: 0 4px;
    border: 1px solid var(--annot-border, #c8c8cc);
    border-radius: 3px 0 0 3px;
  }
  .binding button {
    border-left: none;
    border-radius: 0 3px 3px 0;
    padding: 0 5px;
    line-height: inherit;
  }
  .controls {
    white-space: nowrap;
  }
  .controls button + button {
    margin-left: 4px;
  }
  button.recording {
    outline: 2px dashed var(--annot-accent, #0a84ff);
    outline-offset: 1px;
  }
`;
