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
  /* The keyboard drawing cursor: a crosshair centred on its point (transform sets the point). */
  .kbd-cursor {
    position: absolute;
    left: -10px;
    top: -10px;
    width: 21px;
    height: 21px;
    pointer-events: none;
    --c: var(--annot-cursor-color, #ffd60a);
    background:
      linear-gradient(var(--c), var(--c)) 10px 0 / 1px 100% no-repeat,
      linear-gradient(var(--c), var(--c)) 0 10px / 100% 1px no-repeat;
    filter: drop-shadow(0 0 1px #000);
  }
  .kbd-cursor[hidden] {
    display: none;
  }
  .stage:focus-visible {
    outline: 2px solid var(--annot-accent, #0a84ff);
    outline-offset: -2px;
  }
`;
