import { css } from 'lit';

/** Styles of `<annot-object-list>`. */
export const objectListStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 120px;
    /* The row menu is positioned against the host. */
    position: relative;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 6px;
    padding: 4px 0;
  }
  header .count {
    flex: 1;
  }
  .bulk {
    display: flex;
    gap: 2px;
  }
  .bulk button {
    padding: 0 3px;
    line-height: 0;
    height: 24px;
  }
  .viewport {
    position: relative;
    flex: 1;
    overflow-y: auto;
    border: 1px solid var(--annot-border, #c8c8cc);
    border-radius: var(--annot-radius, 4px);
    min-height: 60px;
    /* Bounds the list when a host overrides the flex layout (e.g. \`display: block\` without a
       height): an unbounded viewport would be as tall as all rows and window all of them. */
    max-height: 100vh;
  }
  .spacer {
    position: relative;
    width: 100%;
  }
  .row {
    position: absolute;
    left: 0;
    right: 0;
    display: flex;
    align-items: center;
    /* Narrow spacing: a track row has nine buttons and must fit a 300 px sidebar. */
    gap: 2px;
    padding: 0 4px;
    cursor: pointer;
    border-bottom: 1px solid var(--annot-row-border, rgba(0, 0, 0, 0.05));
  }
  .row[aria-selected='true'] {
    background: var(--annot-accent-bg, rgba(10, 132, 255, 0.15));
  }
  /* Muted grey on the light selection tint is below 4.5:1 (WCAG AA): use the text colour. */
  .row[aria-selected='true'] .muted {
    color: var(--annot-fg, #1d1d1f);
  }
  .row:hover {
    background: var(--annot-hover, rgba(0, 0, 0, 0.06));
  }
  .name {
    flex: 1;
    min-width: 3em;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  /* The source badge gives way first when the row is narrow (the name keeps 3em). */
  .source {
    font-size: 11px;
    flex: 0 1000 auto;
    min-width: 0;
    overflow: hidden;
    white-space: nowrap;
  }
  .row button {
    padding: 0 1px;
    border-color: transparent;
    font-size: 12px;
  }
  .hidden .name {
    opacity: 0.5;
  }
  .expander {
    width: 22px;
    flex: none;
  }
  .child {
    padding-inline-start: calc(6px + var(--annot-child-indent, 22px));
    cursor: default;
  }
  .child .name {
    flex: 0 1 40%;
  }
  /* Attributes of a skeleton point (aria-level 3): one indent step deeper than the point. */
  .child.point-attribute {
    padding-inline-start: calc(6px + 2 * var(--annot-child-indent, 22px));
  }
  .editor {
    flex: 1;
    min-width: 0;
  }
  .editor select,
  .editor input:not([type='checkbox']) {
    width: 100%;
  }
  .error {
    margin: 2px 0;
    color: var(--annot-error, #d70015);
  }
  .menu {
    position: absolute;
    right: 6px;
    z-index: 3;
    display: flex;
    flex-direction: column;
    min-width: 190px;
    padding: 4px 0;
    background: var(--annot-panel-bg, var(--annot-bg, #fff));
    color: var(--annot-fg, #1d1d1f);
    border: 1px solid var(--annot-border, #c8c8cc);
    border-radius: var(--annot-radius, 4px);
    box-shadow: 0 4px 16px rgba(0, 0, 0, 0.2);
  }
  .menu button {
    border: none;
    border-radius: 0;
    text-align: start;
    padding: 3px 10px;
  }
  .menu [aria-disabled='true'] {
    opacity: 0.45;
    cursor: default;
  }
  .menu .field label {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding: 2px 10px;
  }
  .menu input[type='number'] {
    width: 4.5em;
  }
  .menu input[type='color'] {
    width: 36px;
    height: 22px;
    padding: 0 2px;
  }
  .menu [role='separator'] {
    margin: 4px 0;
    border-top: 1px solid var(--annot-border, #c8c8cc);
  }
`;
