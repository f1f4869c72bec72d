/**
 * Small inline SVG icons (24 × 24 viewBox, stroked with `currentColor`), so the UI never depends
 * on the fonts of the host system. Decorative: every button carries its own accessible name.
 */
import { svg } from 'lit';
import type { SVGTemplateResult } from 'lit';

const icon = (body: SVGTemplateResult): SVGTemplateResult =>
  svg`<svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor"
    stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"
    focusable="false">${body}</svg>`;

/** Icons by name. */
export const ICONS = {
  select: icon(svg`<path d="M5 3l13 8-6 1.5L9 19z" />`),
  edit: icon(svg`<path d="M4 20l4-1 11-11-3-3L5 16z" /><circle cx="4" cy="20" r="1.5" />`),
  'draw-rectangle': icon(svg`<rect x="4" y="6" width="16" height="12" />`),
  'draw-rectangle-4': icon(
    svg`<rect x="4" y="6" width="16" height="12" stroke-dasharray="3 2" /><circle cx="12" cy="6" r="1.6" /><circle cx="20" cy="12" r="1.6" /><circle cx="12" cy="18" r="1.6" /><circle cx="4" cy="12" r="1.6" />`,
  ),
  'draw-polygon': icon(svg`<path d="M12 3l8 6-3 11H7L4 9z" />`),
  'draw-polyline': icon(svg`<path d="M3 18l5-9 5 6 4-10 4 5" />`),
  'draw-points': icon(
    svg`<circle cx="6" cy="7" r="2" /><circle cx="17" cy="6" r="2" /><circle cx="9" cy="17" r="2" /><circle cx="18" cy="16" r="2" />`,
  ),
  'draw-ellipse': icon(svg`<ellipse cx="12" cy="12" rx="9" ry="6" />`),
  'draw-cuboid': icon(
    svg`<rect x="3" y="8" width="12" height="12" /><path d="M3 8l5-5h12v12l-5 5M15 8l5-5" />`,
  ),
  'draw-skeleton': icon(
    svg`<circle cx="12" cy="4" r="2" /><path d="M12 6v8M12 14l-5 7M12 14l5 7M6 10h12" />`,
  ),
  brush: icon(svg`<path d="M14 4l6 6-8 8-6-6z" /><path d="M6 12l-3 8 8-3" />`),
  eraser: icon(svg`<path d="M8 20l-5-5 10-10 8 8-7 7zM8 20h12" />`),
  join: icon(svg`<circle cx="9" cy="12" r="6" /><circle cx="15" cy="12" r="6" />`),
  slice: icon(svg`<rect x="4" y="4" width="16" height="16" /><path d="M3 21L21 3" />`),
  undo: icon(svg`<path d="M9 14L4 9l5-5" /><path d="M4 9h10a6 6 0 010 12h-3" />`),
  redo: icon(svg`<path d="M15 14l5-5-5-5" /><path d="M20 9H10a6 6 0 000 12h3" />`),
  delete: icon(svg`<path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" />`),
  first: icon(svg`<path d="M6 5v14M18 5l-9 7 9 7z" />`),
  back: icon(svg`<path d="M12 5l-8 7 8 7zM20 5l-8 7 8 7z" />`),
  prev: icon(svg`<path d="M16 5l-9 7 9 7z" />`),
  next: icon(svg`<path d="M8 5l9 7-9 7z" />`),
  forward: icon(svg`<path d="M4 5l8 7-8 7zM12 5l8 7-8 7z" />`),
  last: icon(svg`<path d="M18 5v14M6 5l9 7-9 7z" />`),
  locked: icon(svg`<rect x="5" y="11" width="14" height="9" /><path d="M8 11V8a4 4 0 018 0v3" />`),
  unlocked: icon(
    svg`<rect x="5" y="11" width="14" height="9" /><path d="M8 11V8a4 4 0 017.5-2" />`,
  ),
  visible: icon(
    svg`<path d="M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z" /><circle cx="12" cy="12" r="3" />`,
  ),
  hidden: icon(svg`<path d="M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM4 20L20 4" />`),
  occluded: icon(
    svg`<circle cx="9" cy="12" r="6" /><rect x="11" y="5" width="10" height="14" fill="currentColor" />`,
  ),
} as const;

/** An icon name. */
export type IconName = keyof typeof ICONS;
