import { css } from 'lit';

/** Styles of `<annot-toolbar>`. */
export const toolbarStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding: 4px;
    background: var(--annot-panel-bg, #f5f5f7);
  }
  :host([orientation='horizontal']) {
    flex-direction: row;
    flex-wrap: wrap;
  }
  button {
    min-width: 32px;
    height: 32px;
    font-size: 16px;
  }
  hr {
    border: none;
    border-top: 1px solid var(--annot-border, #c8c8cc);
    margin: 4px 0;
    width: 100%;
  }
`;
