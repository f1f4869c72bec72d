import { css } from 'lit';

/** Styles of `<annot-statistics>`. */
export const statisticsStyles = css`
  :host {
    display: block;
    overflow: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 2px 0 4px;
  }
  th,
  td {
    padding: 2px 6px;
    border-bottom: 1px solid var(--annot-row-border, rgba(0, 0, 0, 0.06));
    white-space: nowrap;
  }
  td {
    text-align: end;
  }
  th[scope='row'] {
    text-align: start;
    font-weight: normal;
  }
  tfoot th,
  tfoot td {
    font-weight: 600;
    border-top: 1px solid var(--annot-border, #c8c8cc);
  }
  .legend {
    font-size: 11px;
  }
`;
