/** Defines `<annot-canvas-2d>` (once per page). */
import { AnnotCanvas2D } from './canvas-2d.component.js';

export { AnnotCanvas2D };
export type { AnnotFrameLoadDetail } from './canvas-2d.component.js';
export type { MediaItem } from './media.js';

if (!customElements.get('annot-canvas-2d')) customElements.define('annot-canvas-2d', AnnotCanvas2D);

declare global {
  interface HTMLElementTagNameMap {
    'annot-canvas-2d': AnnotCanvas2D;
  }
}
