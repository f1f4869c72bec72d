/** Defines `<annot-object-list>` (once per page). */
import { AnnotObjectList } from './object-list.component.js';

export { AnnotObjectList };
export { ObjectSort, hasDetails, listRows, objectRows, rowWindow } from './rows.js';
export type { ListRow, ObjectRow, RowWindow } from './rows.js';

if (!customElements.get('annot-object-list')) {
  customElements.define('annot-object-list', AnnotObjectList);
}

declare global {
  interface HTMLElementTagNameMap {
    'annot-object-list': AnnotObjectList;
  }
}
