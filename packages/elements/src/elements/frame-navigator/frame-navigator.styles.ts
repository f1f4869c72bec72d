import { css } from 'lit';

/** Styles of `<annot-frame-navigator>`. */
export const frameNavigatorStyles = css`
  :host {
    display: flex;
    align-items: center;
    gap: 4px;
    padding: 4px;
  }
  input[type='number'] {
    width: 6em;
  }
  .position {
    margin-inline-start: 8px;
  }
  .name {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
`;
