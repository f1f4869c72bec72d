import { css } from 'lit';

/** Styles of `<annot-label-picker>`. */
export const labelPickerStyles = css`
  :host {
    display: block;
  }
  [role='radiogroup'] {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  button {
    display: flex;
    align-items: center;
    gap: 6px;
    text-align: start;
    border-color: transparent;
  }
  kbd {
    font: inherit;
    min-width: 1.4em;
    text-align: center;
    border: 1px solid var(--annot-border, #c8c8cc);
    border-radius: 3px;
    color: var(--annot-muted, #6e6e73);
  }
  .name {
    flex: 1;
  }
`;
