import { css } from 'lit';

/** Styles of `<annot-appearance>`. */
export const appearanceStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  fieldset {
    border: none;
    border-top: 1px solid var(--annot-border, #c8c8cc);
    margin: 0 0 8px;
    padding: 4px 0 0;
  }
  legend {
    font-size: 12px;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--annot-muted, #6e6e73);
    padding: 0 4px 0 0;
  }
  .field {
    display: grid;
    grid-template-columns: 9em minmax(0, 1fr) 3em;
    align-items: center;
    gap: 6px;
    margin: 4px 0;
  }
  .field output {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  input[type='range'] {
    width: 100%;
  }
  input[type='color'] {
    width: 3em;
    height: 1.6em;
    padding: 0;
  }
  .error {
    color: var(--annot-error, #d70015);
  }
`;
