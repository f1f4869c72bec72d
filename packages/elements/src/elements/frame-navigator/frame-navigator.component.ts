import { html, svg } from 'lit';
import type { PropertyValues, SVGTemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { MediaItem } from '../canvas-2d/media.js';
import { EditorElement } from '../EditorElement.js';
import { rowWindow } from '../object-list/rows.js';
import { sharedStyles } from '../shared.styles.js';
import { frameNavigatorStyles } from './frame-navigator.styles.js';
import { ICONS } from '../icons.js';
import type { IconName } from '../icons.js';
import { createThumbnailCache } from './thumbnails.js';
import type { ThumbnailCache } from './thumbnails.js';

const icon = (body: SVGTemplateResult): SVGTemplateResult =>
  svg`<svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor"
    stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"
    focusable="false">${body}</svg>`;

/** Icons of the search buttons: a funnel (filter) or an empty frame, with a direction. */
const SEARCH_ICONS = {
  'search-prev': icon(svg`<path d="M11 5h10l-4 6v6l-2-1v-5zM8 8l-5 4 5 4" />`),
  'search-next': icon(svg`<path d="M3 5h10l-4 6v6l-2-1v-5zM16 8l5 4-5 4" />`),
  'empty-prev': icon(svg`<rect x="10" y="6" width="11" height="12" /><path d="M7 8l-4 4 4 4" />`),
  'empty-next': icon(svg`<rect x="3" y="6" width="11" height="12" /><path d="M17 8l4 4-4 4" />`),
} as const;
type SearchAction = keyof typeof SEARCH_ICONS;

/** Gap between thumbnails in CSS px (part of the fixed slot the windowing relies on). */
const THUMB_GAP = 4;

/**
 * Frame navigation for image sets: first, back N, previous, a frame number input (1-based, as
 * shown to people; Enter or change jumps), next, forward N, last, and the frame's name; then the
 * search buttons (previous/next frame with an object matching the editor's filter — any object
 * without a filter — and previous/next empty frame, CVAT's player search). Buttons are disabled
 * where they would not move; a search that finds nothing says so in a live region.
 *
 * With `thumbnails`, a horizontal strip of downscaled frame images follows: virtualised (only
 * the thumbnails in view, plus `overscan`, exist), decoded with `createImageBitmap` into a small
 * LRU whose bitmaps are closed when evicted or when the element leaves the page. Click (or
 * Enter/Space) goes to a frame; arrow keys, Home and End move along the strip; the current frame
 * has `aria-current="true"`.
 *
 * @fires error - A thumbnail could not be decoded (`ErrorEvent`, error an `AnnotkitError`).
 * @csspart button - Every button of the bar.
 * @csspart input - The frame number input.
 * @csspart search-button - The four search buttons (also `button`).
 * @csspart strip - The scrolling thumbnail strip.
 * @csspart thumbnail - One thumbnail button (`aria-current="true"` on the current frame).
 * @cssproperty --annot-thumbnail-height - Height of a thumbnail box. Defaults to 54px.
 * @cssproperty --annot-thumbnail-current - Outline of the current frame's thumbnail. Defaults to
 *   the accent colour.
 */
export class AnnotFrameNavigator extends EditorElement {
  static override styles = [sharedStyles, frameNavigatorStyles];

  /** Frames moved by the step buttons (and the editor's V/C keys). Defaults to 10. */
  @property({ type: Number }) step = 10;
  /** Shows the thumbnail strip. Defaults to false. */
  @property({ type: Boolean, reflect: true }) thumbnails = false;
  /** Width of a thumbnail in CSS px (the decoded width too). Defaults to 72. */
  @property({ type: Number, attribute: 'thumbnail-width' }) thumbnailWidth = 72;
  /** Thumbnails rendered beyond each edge of the strip. Defaults to 2. */
  @property({ type: Number }) overscan = 2;
  /** Thumbnails kept decoded. Defaults to 48. */
  @property({ type: Number, attribute: 'thumbnail-cache' }) thumbnailCache = 48;
  /** Frame images by frame index (URLs, Blobs or ready images), for the thumbnails. */
  @property({ attribute: false }) media: readonly MediaItem[] = [];

  @state() private stripScrollLeft = 0;
  @state() private stripWidth = 0;
  @state() private status = '';
  private cache: ThumbnailCache | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private revealPending = true;
  private focusPending = false;

  constructor() {
    super({
      events: ['document', 'frame', 'locale', 'filter'],
      onEvent: (event) => {
        if (event === 'frame' || event === 'document') this.revealPending = true;
        if (event !== 'locale') this.status = '';
      },
    });
  }

  /** The thumbnail cache in use (undefined until the strip asked for one). */
  get thumbnailImages(): ThumbnailCache | undefined {
    return this.cache;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.dropCache();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  private dropCache(): void {
    this.cache?.clear();
    this.cache = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const c = this.controller;
    if (c && Number.isInteger(this.step) && this.step > 0) c.frameStep = this.step;
    if (
      changed.has('media') ||
      changed.has('thumbnailWidth') ||
      changed.has('thumbnailCache') ||
      (changed.has('thumbnails') && !this.thumbnails)
    ) {
      this.dropCache();
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const strip = this.strip;
    if (!strip) {
      this.resizeObserver?.disconnect();
      this.resizeObserver = undefined;
      return;
    }
    if (!this.resizeObserver) {
      this.resizeObserver = new ResizeObserver(() => {
        this.stripWidth = strip.clientWidth;
      });
      this.resizeObserver.observe(strip);
      this.stripWidth = strip.clientWidth;
    }
    if (this.revealPending) {
      this.revealPending = false;
      this.revealCurrent(strip);
    }
    if (this.focusPending) {
      this.focusPending = false;
      strip.querySelector<HTMLElement>('[aria-current="true"]')?.focus();
    }
    this.drawThumbnails(strip);
  }

  private get strip(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.strip');
  }

  private get thumbSlot(): number {
    return Math.max(1, this.thumbnailWidth) + THUMB_GAP;
  }

  /** Scrolls the strip so that the current frame's thumbnail is in view. */
  private revealCurrent(strip: HTMLElement): void {
    const frame = this.controller?.frame ?? 0;
    const left = frame * this.thumbSlot;
    if (left < strip.scrollLeft) strip.scrollLeft = left;
    else if (left + this.thumbSlot > strip.scrollLeft + strip.clientWidth) {
      strip.scrollLeft = left + this.thumbSlot - strip.clientWidth;
    }
    // Render the new window now rather than on the (asynchronous) scroll event.
    this.stripScrollLeft = strip.scrollLeft;
  }

  private drawThumbnails(strip: HTMLElement): void {
    if (this.media.length === 0) return;
    this.cache ??= createThumbnailCache(this.media, {
      width: this.thumbnailWidth,
      capacity: this.thumbnailCache,
    });
    const cache = this.cache;
    for (const canvas of strip.querySelectorAll<HTMLCanvasElement>('canvas[data-frame]')) {
      const frame = Number(canvas.dataset['frame']);
      if (canvas.dataset['drawn'] === String(frame) || canvas.dataset['pending'] === '1') continue;
      canvas.dataset['pending'] = '1';
      cache.get(frame).then(
        (bitmap) => {
          delete canvas.dataset['pending'];
          if (cache !== this.cache || canvas.dataset['frame'] !== String(frame)) return;
          canvas.width = bitmap.width;
          canvas.height = bitmap.height;
          try {
            canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
            canvas.dataset['drawn'] = String(frame);
          } catch {
            // Evicted and closed before this callback ran: the next update asks again.
          }
        },
        (error: unknown) => {
          delete canvas.dataset['pending'];
          canvas.dataset['drawn'] = String(frame);
          this.dispatchEvent(
            new ErrorEvent('error', { error, message: String((error as Error).message) }),
          );
        },
      );
    }
  }

  private jump(e: Event): void {
    const c = this.controller;
    const input = e.target as HTMLInputElement;
    if (!c) return;
    const n = Number(input.value) - 1;
    if (Number.isInteger(n) && n >= 0 && n < c.frameCount) c.setFrame(n);
    else input.value = String(c.frame + 1);
  }

  private search(action: SearchAction): void {
    const c = this.controller;
    if (!c) return;
    const direction = action.endsWith('next') ? 1 : -1;
    const found = c.goToSearch(direction, action.startsWith('empty') ? 'empty' : 'filter');
    this.status = found ? '' : this.t('frames.notFound');
  }

  private onThumbKey(e: KeyboardEvent, frame: number): void {
    const c = this.controller;
    if (!c) return;
    const last = c.frameCount - 1;
    const target =
      e.key === 'ArrowRight'
        ? frame + 1
        : e.key === 'ArrowLeft'
          ? frame - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : undefined;
    if (target === undefined) return;
    // The strip owns these keys: the editor's Left/Right (search) must not run as well.
    e.preventDefault();
    e.stopPropagation();
    const next = Math.min(last, Math.max(0, target));
    if (next !== c.frame) c.setFrame(next);
    this.focusPending = true;
    this.requestUpdate();
  }

  private renderStrip(count: number, current: number): unknown {
    const slot = this.thumbSlot;
    const win = rowWindow(count, slot, this.stripScrollLeft, this.stripWidth || 600, this.overscan);
    const frames = Array.from({ length: win.end - win.start }, (_, i) => win.start + i);
    return html`<div
      class="strip"
      part="strip"
      role="group"
      aria-label=${this.t('frames.thumbnails')}
      @scroll=${(e: Event) => {
        this.stripScrollLeft = (e.target as HTMLElement).scrollLeft;
      }}
    >
      <div class="track" style=${styleMap({ width: `${count * slot}px` })}>
        ${repeat(
          frames,
          (f) => f,
          (f) =>
            html`<button
              class="thumb"
              part="thumbnail"
              data-frame=${f}
              aria-current=${f === current ? 'true' : 'false'}
              aria-label=${this.t('frames.thumbnail', { frame: f + 1 })}
              title=${this.controller?.document?.media.frames[f]?.name ?? String(f + 1)}
              tabindex=${f === current ? 0 : -1}
              style=${styleMap({ left: `${f * slot}px`, width: `${slot - THUMB_GAP}px` })}
              @click=${() => this.controller?.setFrame(f)}
              @keydown=${(e: KeyboardEvent) => this.onThumbKey(e, f)}
            >
              <canvas data-frame=${f} aria-hidden="true"></canvas
              ><span class="number">${f + 1}</span>
            </button>`,
        )}
      </div>
    </div>`;
  }

  protected override render(): unknown {
    const c = this.controller;
    const count = c?.frameCount ?? 0;
    const frame = c?.frame ?? 0;
    const atStart = frame <= 0;
    const atEnd = frame >= count - 1;
    const name = c?.document?.media.frames[frame]?.name ?? '';
    const button = (action: IconName, label: string, disabled: boolean, go: () => void): unknown =>
      html`<button
        part="button"
        data-action=${action}
        aria-label=${label}
        title=${label}
        ?disabled=${disabled || !c}
        @click=${go}
      >
        ${ICONS[action]}
      </button>`;
    const search = (action: SearchAction, label: string, disabled: boolean): unknown =>
      html`<button
        part="button search-button"
        data-action=${action}
        aria-label=${label}
        title=${label}
        ?disabled=${disabled || !c}
        @click=${() => this.search(action)}
      >
        ${SEARCH_ICONS[action]}
      </button>`;
    return html`<nav class="bar" aria-label=${this.t('frames.label')}>
        ${button('first', this.t('frames.first'), atStart, () => c?.setFrame(0))}
        ${button('back', this.t('frames.back', { step: this.step }), atStart, () =>
          c?.moveFrame(-this.step),
        )}
        ${button('prev', this.t('frames.prev'), atStart, () => c?.moveFrame(-1))}
        <input
          part="input"
          type="number"
          min="1"
          max=${Math.max(count, 1)}
          .value=${String(frame + 1)}
          aria-label=${this.t('frames.jump')}
          ?disabled=${count === 0}
          @change=${this.jump}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.jump(e)}
        />
        ${button('next', this.t('frames.next'), atEnd, () => c?.moveFrame(1))}
        ${button('forward', this.t('frames.forward', { step: this.step }), atEnd, () =>
          c?.moveFrame(this.step),
        )}
        ${button('last', this.t('frames.last'), atEnd, () => c?.setFrame(count - 1))}
        <span class="search">
          ${search('search-prev', this.t('frames.searchPrev'), atStart)}
          ${search('search-next', this.t('frames.searchNext'), atEnd)}
          ${search('empty-prev', this.t('frames.emptyPrev'), atStart)}
          ${search('empty-next', this.t('frames.emptyNext'), atEnd)}
        </span>
        <span class="position" aria-live="polite"
          >${count > 0 ? this.t('frames.position', { frame: frame + 1, count }) : ''}</span
        >
        <span class="status muted" role="status">${this.status}</span>
        <span class="name muted">${name}</span>
      </nav>
      ${this.thumbnails && count > 0 ? this.renderStrip(count, frame) : null}`;
  }
}
