/**
 * Story rendering helpers: elements are created imperatively so objects (documents, media,
 * controllers) are set as properties, exactly as a host page does.
 */
import type { EditorController } from '@annotkit/elements';

/** CSS custom properties of the dark theme, for parts shown outside an editor. */
export const DARK_VARS =
  '--annot-bg:#1c1c1e;--annot-fg:#f2f2f7;--annot-muted:#98989d;--annot-border:#3a3a3c;' +
  '--annot-hover:#2c2c2e;--annot-panel-bg:#242426;--annot-canvas-bg:#000;';

/** Options of {@link part}. */
export interface PartOptions {
  /** Inline style of the element (size, theme variables). Defaults to none. */
  readonly style?: string;
  /** Properties assigned to the element after creation. */
  readonly props?: Record<string, unknown>;
}

/**
 * Creates `<tag>` bound to `controller` (standalone part) inside a wrapper `<div>` and returns
 * the wrapper.
 */
export function part(
  tag: keyof HTMLElementTagNameMap,
  controller: EditorController,
  options: PartOptions = {},
): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.style.padding = '8px';
  const el = document.createElement(tag) as HTMLElement & { controller?: EditorController };
  // The size goes on the element itself (its :host rule keeps its display): a virtualised
  // list must be bounded to virtualise.
  if (options.style) el.setAttribute('style', options.style);
  el.controller = controller;
  Object.assign(el, options.props ?? {});
  wrapper.append(el);
  return wrapper;
}
