import { css } from 'lit';

/** Styles of `<annot-editor>`: the layout and the light/dark theme defaults. */
export const editorStyles = css`
  :host {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) var(--annot-sidebar-width, 300px);
    grid-template-rows: auto minmax(0, 1fr);
    grid-template-areas:
      'nav nav nav'
      'tools canvas side';
    height: 600px;
    background: var(--annot-bg, #fff);
    color: var(--annot-fg, #1d1d1f);
    border: 1px solid var(--annot-border, #c8c8cc);
    overflow: hidden;
  }
  :host([theme='dark']) {
    --annot-bg: #1c1c1e;
    --annot-fg: #f2f2f7;
    --annot-muted: #98989d;
    --annot-border: #3a3a3c;
    --annot-panel-bg: #2c2c2e;
    --annot-hover: rgba(255, 255, 255, 0.08);
    --annot-row-border: rgba(255, 255, 255, 0.06);
  }
  :host(:focus) {
    outline: none;
  }
  /* Reached with Tab (it is a tab stop, with shortcuts): show where focus is (WCAG 2.4.7). */
  :host(:focus-visible) {
    outline: 2px solid var(--annot-accent, #0a84ff);
    outline-offset: -2px;
  }
  annot-frame-navigator {
    grid-area: nav;
    border-bottom: 1px solid var(--annot-border, #c8c8cc);
  }
  annot-toolbar {
    grid-area: tools;
    border-inline-end: 1px solid var(--annot-border, #c8c8cc);
    overflow-y: auto;
  }
  annot-canvas-2d {
    grid-area: canvas;
  }
  .sidebar {
    grid-area: side;
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 6px;
    border-inline-start: 1px solid var(--annot-border, #c8c8cc);
    min-height: 0;
    overflow: auto;
  }
  annot-object-list {
    flex: 1;
    min-height: 160px;
  }
  h2 {
    font-size: 12px;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    margin: 4px 0;
    color: var(--annot-muted, #6e6e73);
  }
  .panel-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .panel-dialog {
    width: min(760px, 92vw);
    max-height: 86vh;
    overflow: auto;
    background: var(--annot-bg, #fff);
    color: var(--annot-fg, #1d1d1f);
    border: 1px solid var(--annot-border, #c8c8cc);
    border-radius: var(--annot-radius, 4px);
  }
  .panel-dialog > header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    margin-bottom: 8px;
  }
`;
