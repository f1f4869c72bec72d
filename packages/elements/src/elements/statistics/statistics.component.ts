import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { ShapeType, labelStatistics } from '@annotkit/core';
import type { DocumentStatistics, LabelStatistics } from '@annotkit/core';
import type { EditorController } from '../../controller/EditorController.js';
import { EditorElement } from '../EditorElement.js';
import { sharedStyles } from '../shared.styles.js';
import { statisticsStyles } from './statistics.styles.js';

type Counts = Omit<LabelStatistics, 'label'>;

/**
 * Per-label statistics of the document (core `labelStatistics`, CVAT's statistics modal):
 * shapes and tracks per shape type (only the types that occur), tags, manual and interpolated
 * frame counts, and a totals row. Document changes are coalesced: however many arrive in one
 * frame, the table is recomputed and rendered once, on the next animation frame.
 *
 * @csspart table - The table.
 * @csspart row - One label's row.
 * @csspart totals - The totals row.
 */
export class AnnotStatistics extends EditorElement {
  static override styles = [sharedStyles, statisticsStyles];

  private stats: DocumentStatistics | undefined;
  private statsOf: EditorController['document'] = null;
  private frameRequest = 0;
  private offChange: (() => void) | undefined;

  constructor() {
    super({
      events: ['document', 'locale'],
      onBind: (c) => {
        this.offChange?.();
        this.offChange = c?.on('change', () => this.schedule());
        this.stats = undefined;
      },
      onEvent: (event) => {
        if (event === 'document') this.stats = undefined;
      },
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.frameRequest);
    this.frameRequest = 0;
  }

  /** The statistics shown (computed on demand; undefined without a document). */
  get statistics(): DocumentStatistics | undefined {
    const doc = this.controller?.document ?? null;
    if (!doc) return undefined;
    if (!this.stats || this.statsOf !== doc) {
      this.stats = labelStatistics(doc);
      this.statsOf = doc;
    }
    return this.stats;
  }

  private schedule(): void {
    if (this.frameRequest !== 0) return;
    this.frameRequest = requestAnimationFrame(() => {
      this.frameRequest = 0;
      this.stats = undefined;
      this.requestUpdate();
    });
  }

  private cells(row: Counts, types: readonly ShapeType[]): unknown {
    return html`${types.map(
        (t) =>
          html`<td
            data-type=${t}
            aria-label=${this.t('statistics.cell', { shapes: row.shapes[t], tracks: row.tracks[t] })}
          >
            ${row.shapes[t]} / ${row.tracks[t]}
          </td>`,
      )}
      <td data-field="tags">${row.tags}</td>
      <td data-field="manual">${row.manual}</td>
      <td data-field="interpolated">${row.interpolated}</td>
      <td data-field="total">${row.total}</td>`;
  }

  protected override render(): unknown {
    const doc = this.controller?.document;
    const stats = this.statistics;
    if (!doc || !stats || stats.labels.length === 0) {
      return html`<p class="muted">${this.t('statistics.empty')}</p>`;
    }
    const types = Object.values(ShapeType).filter(
      (t) => stats.totals.shapes[t] + stats.totals.tracks[t] > 0,
    );
    return html`<table part="table">
        <caption>
          ${this.t('statistics.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.t('statistics.labelColumn')}</th>
            ${types.map((t) => html`<th scope="col">${this.t(`shapeType.${t}`)}</th>`)}
            <th scope="col">${this.t('statistics.tags')}</th>
            <th scope="col">${this.t('statistics.manual')}</th>
            <th scope="col">${this.t('statistics.interpolated')}</th>
            <th scope="col">${this.t('statistics.total')}</th>
          </tr>
        </thead>
        <tbody>
          ${stats.labels.map((row) => {
            const label = doc.label(row.label);
            return html`<tr part="row" data-label=${row.label}>
              <th scope="row">
                <span
                  class="swatch"
                  style=${styleMap({ background: label?.color ?? 'transparent' })}
                ></span>
                ${label?.name ?? String(row.label)}
              </th>
              ${this.cells(row, types)}
            </tr>`;
          })}
        </tbody>
        <tfoot>
          <tr part="totals" data-label="totals">
            <th scope="row">${this.t('statistics.totals')}</th>
            ${this.cells(stats.totals, types)}
          </tr>
        </tfoot>
      </table>
      <p class="muted legend">${this.t('statistics.legend')}</p>`;
  }
}
