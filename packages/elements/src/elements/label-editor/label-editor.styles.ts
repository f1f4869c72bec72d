import { css } from 'lit';

/** Styles of `<annot-label-editor>`. */
export const labelEditorStyles = css`
  :host {
    display: grid;
    grid-template-columns: minmax(140px, 200px) minmax(0, 1fr);
    gap: 12px;
    align-items: start;
  }
  ul,
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .labels {
    display: flex;
    flex-direction: column;
    gap: 2px;
    margin-bottom: 6px;
  }
  .label {
    display: flex;
    align-items: center;
    gap: 6px;
    width: 100%;
    text-align: start;
    border-color: transparent;
  }
  .label[aria-current='true'] {
    border-color: var(--annot-accent, #0a84ff);
    background: var(--annot-accent-bg, rgba(10, 132, 255, 0.15));
  }
  .label .name {
    flex: 1;
  }
  .form {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  label.inline {
    flex-direction: row;
    align-items: center;
    gap: 4px;
  }
  fieldset {
    border: 1px solid var(--annot-border, #c8c8cc);
    border-radius: var(--annot-radius, 4px);
    margin: 0;
    padding: 6px;
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: end;
  }
  fieldset.attribute {
    border-style: dashed;
  }
  legend {
    font-weight: 600;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }
  .wide {
    flex: 1 1 100%;
  }
  .template {
    display: block;
    width: 240px;
    height: 240px;
    background: var(--annot-canvas-bg, #f2f2f7);
    border: 1px solid var(--annot-border, #c8c8cc);
    touch-action: none;
    cursor: crosshair;
  }
  .point {
    stroke: var(--annot-fg, #1d1d1f);
    stroke-width: 0.6;
    cursor: move;
  }
  .point.pending {
    stroke: var(--annot-accent, #0a84ff);
    stroke-width: 1.5;
  }
  .edge {
    stroke: var(--annot-fg, #1d1d1f);
    stroke-width: 0.8;
  }
  .point-label {
    font-size: 5px;
    fill: var(--annot-fg, #1d1d1f);
    pointer-events: none;
  }
  .points,
  .edges {
    flex: 1 1 100%;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .points li,
  .edges li,
  .actions,
  .edge-form,
  .confirm {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 6px;
  }
  h4 {
    flex: 1 1 100%;
    margin: 0;
    font-size: inherit;
  }
  .error {
    color: var(--annot-error, #d70015);
    flex: 1 1 100%;
  }
`;
