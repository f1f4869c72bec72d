import { css } from 'lit';

/** Styles of `<annot-filter-builder>`. */
export const filterBuilderStyles = css`
  :host {
    display: block;
    padding: 4px 0;
  }
  .group {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: 4px 6px;
    border: 1px solid var(--annot-border, #c8c8cc);
    border-radius: var(--annot-radius, 4px);
    background: var(--annot-filter-group-bg, transparent);
  }
  .group .group {
    margin-inline-start: 12px;
  }
  .group-head,
  .rule,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
  }
  .rule select,
  .rule input {
    max-width: 9em;
  }
  .summary {
    margin: 4px 0;
    overflow-wrap: anywhere;
  }
  .summary[data-active='true'] {
    color: var(--annot-accent, #0a84ff);
  }
`;
