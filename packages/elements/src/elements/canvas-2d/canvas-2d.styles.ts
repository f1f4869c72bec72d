import { css } from 'lit';

/** Styles of `<annot-canvas-2d>`. */
export const canvas2dStyles = css`
  :host {
    display: block;
    position: relative;
    min-width: 100px;
    min-height: 100px;
    background: var(--annot-canvas-bg, #1e1e1e);
    overflow: hidden;
  }
  .stage {
    position: absolute;
    inset: 0;
    outline: none;
  }
  .stage:focus-visible {
    outline: 2px solid var(--annot-accent, #0a84ff);
    outline-offset: -2px;
  }
`;
