import { css } from 'lit';

/** Styles of `<annot-io-menu>`. */
export const ioMenuStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  section {
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: 8px;
    border: 1px solid var(--annot-border, #c8c8cc);
    border-radius: var(--annot-radius, 4px);
    background: var(--annot-panel-bg, transparent);
  }
  section.dragging {
    border-color: var(--annot-accent, #0a84ff);
    border-style: dashed;
  }
  h3,
  h4 {
    margin: 0;
    font-size: inherit;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  p {
    margin: 0;
  }
  .running,
  .actions {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .bar {
    flex: 1;
    height: 8px;
    border-radius: 4px;
    background: var(--annot-hover, rgba(0, 0, 0, 0.06));
    overflow: hidden;
  }
  .fill {
    height: 100%;
    background: var(--annot-accent, #0a84ff);
  }
  ul {
    margin: 0;
    padding-inline-start: 18px;
    max-height: 160px;
    overflow: auto;
  }
  .error {
    color: var(--annot-error, #d70015);
    white-space: pre-wrap;
  }
`;
