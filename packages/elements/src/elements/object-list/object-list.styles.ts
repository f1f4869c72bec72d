import { css } from 'lit';

/** Styles of `<annot-object-list>`. */
export const objectListStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 120px;
  }
  header {
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 4px 0;
  }
  header .count {
    flex: 1;
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
    gap: 6px;
    padding: 0 6px;
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
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .source {
    font-size: 11px;
  }
  .row button {
    padding: 0 4px;
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
`;
