/** Styles shared by every part element: theme custom properties and control basics. */
import { css } from 'lit';

/**
 * Theme tokens, all overridable from outside: `--annot-bg`, `--annot-fg`, `--annot-muted`,
 * `--annot-accent`, `--annot-border`, `--annot-hover`, `--annot-font`, `--annot-radius`.
 * Light by default; `<annot-editor theme="dark">` switches the defaults.
 */
export const sharedStyles = css`
  :host {
    font: var(--annot-font, 13px/1.4 system-ui, sans-serif);
    color: var(--annot-fg, #1d1d1f);
    box-sizing: border-box;
  }
  /* Not \`box-sizing: inherit\` on every element: with it Chromium's style
     recalculation of the object list's rows took ~80 ms per scroll step, without it
     ~18 ms (median of the scroll benchmark, bisected rule by rule). */
  * {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--annot-control-bg, transparent);
    border: 1px solid var(--annot-border, #c8c8cc);
    border-radius: var(--annot-radius, 4px);
    padding: 2px 6px;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: var(--annot-hover, rgba(0, 0, 0, 0.06));
  }
  button:disabled {
    opacity: 0.4;
    cursor: default;
  }
  button[aria-pressed='true'],
  button[aria-checked='true'] {
    border-color: var(--annot-accent, #0a84ff);
    background: var(--annot-accent-bg, rgba(10, 132, 255, 0.15));
  }
  :focus-visible {
    outline: 2px solid var(--annot-accent, #0a84ff);
    outline-offset: 1px;
  }
  input,
  select {
    font: inherit;
    color: inherit;
    background: var(--annot-bg, #fff);
    border: 1px solid var(--annot-border, #c8c8cc);
    border-radius: var(--annot-radius, 4px);
  }
  .swatch {
    display: inline-block;
    width: 10px;
    height: 10px;
    border-radius: 2px;
    flex: none;
  }
  .muted {
    color: var(--annot-muted, #6e6e73);
  }
`;

/** A plain full-width table with row separators (the help list and the shortcut settings). */
export const tableStyles = css`
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 3px 6px;
    border-bottom: 1px solid var(--annot-row-border, rgba(0, 0, 0, 0.06));
    vertical-align: top;
  }
`;
