import { css } from 'lit';

/** Styles of `<annot-attribute-panel>`. */
export const attributePanelStyles = css`
  :host {
    display: block;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 2px;
    margin: 6px 0;
  }
  fieldset {
    border: none;
    margin: 0;
    padding: 0;
  }
  legend,
  .field > label {
    font-weight: 600;
  }
  .error {
    color: var(--annot-error, #d70015);
  }
`;
