/** Defines `<annot-statistics>` (once per page). */
import { AnnotStatistics } from './statistics.component.js';

export { AnnotStatistics };

if (!customElements.get('annot-statistics')) {
  customElements.define('annot-statistics', AnnotStatistics);
}

declare global {
  interface HTMLElementTagNameMap {
    'annot-statistics': AnnotStatistics;
  }
}
