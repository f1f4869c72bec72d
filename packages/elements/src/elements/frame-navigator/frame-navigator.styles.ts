import { css } from 'lit';

/** Styles of `<annot-frame-navigator>`. */
export const frameNavigatorStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: 4px;
    min-width: 0;
  }
  .bar {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 4px;
    min-width: 0;
  }
  .search {
    display: inline-flex;
    gap: 4px;
    margin-inline-start: 8px;
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
  .strip {
    position: relative;
    overflow-x: auto;
    overflow-y: hidden;
    height: calc(var(--annot-thumbnail-height, 54px) + 10px);
  }
  .track {
    position: relative;
    height: 100%;
  }
  .thumb {
    position: absolute;
    top: 2px;
    height: var(--annot-thumbnail-height, 54px);
    padding: 0;
    overflow: hidden;
    display: flex;
    align-items: center;
    justify-content: center;
    background: var(--annot-canvas-bg, #1e1e1e);
  }
  .thumb canvas {
    max-width: 100%;
    max-height: 100%;
  }
  .thumb[aria-current='true'] {
    outline: 2px solid var(--annot-thumbnail-current, var(--annot-accent, #0a84ff));
    outline-offset: -2px;
  }
  .number {
    position: absolute;
    right: 2px;
    bottom: 1px;
    font-size: 10px;
    color: #fff;
    text-shadow: 0 0 2px #000;
  }
`;
