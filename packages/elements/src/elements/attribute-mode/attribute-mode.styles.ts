import { css } from 'lit';

/** Styles of `<annot-attribute-mode>`. */
export const attributeModeStyles = css`
  :host {
    display: block;
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 4px;
    border-radius: var(--annot-radius, 4px);
  }
  .row {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .grow {
    flex: 1;
    min-width: 0;
  }
  .object {
    font-weight: 600;
  }
  .attribute {
    font-size: 15px;
    font-weight: 600;
  }
  [role='radiogroup'] {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .value {
    display: flex;
    align-items: center;
    gap: 6px;
    text-align: start;
  }
  kbd {
    font: inherit;
    min-width: 1.4em;
    text-align: center;
    border: 1px solid var(--annot-border, #c8c8cc);
    border-radius: 3px;
    color: var(--annot-muted, #6e6e73);
  }
  .hint {
    font-size: 11px;
  }
  .error {
    color: var(--annot-error, #d70015);
  }
`;
