/** Defines `<annot-filter-builder>` (once per page). */
import { AnnotFilterBuilder } from './filter-builder.component.js';

export { AnnotFilterBuilder };
export { defaultRule, describeFilter } from './filter-builder.component.js';
export type { AnnotFilterChangeDetail } from './filter-builder.component.js';
export {
  compareValue,
  filteredOutIds,
  isEmptyFilter,
  matchesFilter,
  searchEmptyFrame,
  searchMatchingFrame,
  toFrameFilter,
} from './filter.js';
export type {
  FilterField,
  FilterGroup,
  FilterRule,
  NumberOp,
  ObjectFilter,
  ObjectKind,
  SetOp,
} from './filter.js';

if (!customElements.get('annot-filter-builder')) {
  customElements.define('annot-filter-builder', AnnotFilterBuilder);
}

declare global {
  interface HTMLElementTagNameMap {
    'annot-filter-builder': AnnotFilterBuilder;
  }
}
