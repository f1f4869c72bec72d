import { css } from 'lit';

/** Styles of `<annot-help>`. */
export const helpStyles = css`
  :host {
    display: contents;
  }
  dialog {
    font: var(--annot-font, 13px/1.4 system-ui, sans-serif);
    color: var(--annot-fg, #1d1d1f);
    background: var(--annot-bg, #fff);
    border: 1px solid var(--annot-border, #c8c8cc);
    border-radius: var(--annot-radius, 4px);
    padding: 0;
    width: min(640px, 90vw);
    max-height: 80vh;
  }
  dialog::backdrop {
    background: var(--annot-backdrop, rgba(0, 0, 0, 0.4));
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: 8px 12px;
    border-bottom: 1px solid var(--annot-border, #c8c8cc);
  }
  .header-buttons {
    display: flex;
    gap: 6px;
  }
  h2 {
    font-size: 15px;
    margin: 0;
  }
  .body {
    padding: 8px 12px;
    overflow: auto;
    max-height: calc(80vh - 50px);
  }
  h3 {
    font-size: 12px;
    text-transform: uppercase;
    color: var(--annot-muted, #6e6e73);
    margin: 12px 0 4px;
  }
  kbd {
    font: inherit;
    padding: 0 4px;
    border: 1px solid var(--annot-border, #c8c8cc);
    border-radius: 3px;
    white-space: nowrap;
  }
`;
