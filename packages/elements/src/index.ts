/**
 * @annotkit/elements: Lit web components for annotation. Importing this entry defines
 * `<annot-editor>` and its parts (`<annot-canvas-2d>`, `<annot-toolbar>`,
 * `<annot-label-picker>`, `<annot-object-list>`, `<annot-frame-navigator>`,
 * `<annot-attribute-panel>`). See CONTEXT.md for the architecture.
 */
export { EditorController } from './controller/EditorController.js';
export type {
  CommitKind,
  EditorControllerOptions,
  EditorEventName,
  EditorEvents,
  TransactionFilter,
} from './controller/types.js';
export { ControllerBinding } from './controller/ControllerBinding.js';
export type { ControllerBindingOptions } from './controller/ControllerBinding.js';
export { editorContext } from './controller/context.js';
export {
  DEFAULT_SHORTCUTS,
  RESERVED_COMBOS,
  ShortcutAction,
  actionFor,
  bindCombo,
  comboOf,
  conflictOf,
  isReservedCombo,
  mergeShortcuts,
  normalizeCombo,
  resetShortcut,
  unbindCombo,
} from './controller/shortcuts.js';
export type { KeyLike, ShortcutMap } from './controller/shortcuts.js';
export {
  TOOLS,
  ToolId,
  labelFits,
  labelForTool,
  toolAvailable,
  toolSpec,
} from './controller/tools.js';
export type { ToolSpec } from './controller/tools.js';
export {
  CATALOGS,
  DE,
  EN,
  SUPPORTED_LANGUAGES,
  formatMessage,
  messagesFor,
} from './i18n/messages.js';
export type { MessageId, Messages } from './i18n/messages.js';
export { annotEvent } from './events.js';
export type {
  AnnotChangeDetail,
  AnnotCommitDetail,
  AnnotFrameChangeDetail,
  AnnotSelectionChangeDetail,
  AnnotToolChangeDetail,
  AnnotTransactionRejectDetail,
} from './events.js';
export { EditorElement } from './elements/EditorElement.js';
export { AnnotCanvas2D } from './elements/canvas-2d/canvas-2d.js';
export type { AnnotFrameLoadDetail, MediaItem } from './elements/canvas-2d/canvas-2d.js';
export { createFrameImages } from './elements/canvas-2d/media.js';
export type { FrameImages } from './elements/canvas-2d/media.js';
export { AnnotToolbar } from './elements/toolbar/toolbar.js';
export { AnnotLabelPicker } from './elements/label-picker/label-picker.js';
export {
  AnnotObjectList,
  ObjectSort,
  objectRows,
  rowWindow,
} from './elements/object-list/object-list.js';
export type { ObjectRow, RowWindow } from './elements/object-list/object-list.js';
export { AnnotFrameNavigator } from './elements/frame-navigator/frame-navigator.js';
export { AnnotAttributePanel } from './elements/attribute-panel/attribute-panel.js';
export { AnnotEditor } from './elements/editor/editor.js';
export { AnnotAttributeMode } from './elements/attribute-mode/attribute-mode.js';
export { digitOf, indexOfDigit } from './elements/attribute-mode/attribute-mode.component.js';
export {
  adjacentObject,
  navigableObjects,
  translatedGeometries,
} from './elements/attribute-mode/navigation.js';
export { AnnotHelp } from './elements/help/help.js';
export { helpRows } from './elements/help/help.component.js';
export type { HelpRow } from './elements/help/help.component.js';
export { describeShortcut } from './elements/help/describe.js';
export { AnnotShortcutSettings } from './elements/shortcut-settings/shortcut-settings.js';
export { AnnotAppearance } from './elements/appearance/appearance.js';
export { DEFAULT_APPEARANCE, ShowText, mergeAppearance } from './elements/appearance/settings.js';
export type {
  Appearance,
  AppearanceColorBy,
  AppearanceGrid,
  AppearancePatch,
} from './elements/appearance/settings.js';
export { AnnotStatistics } from './elements/statistics/statistics.js';
export {
  CURSOR_STEP,
  CURSOR_STEP_SHIFT,
  NUDGE_STEP,
  NUDGE_STEP_SHIFT,
} from './elements/canvas-2d/keyboardPath.js';
export {
  AnnotFilterBuilder,
  compareValue,
  defaultRule,
  describeFilter,
  filteredOutIds,
  isEmptyFilter,
  matchesFilter,
  searchEmptyFrame,
  searchMatchingFrame,
  toFrameFilter,
} from './elements/filter-builder/filter-builder.js';
export type {
  AnnotFilterChangeDetail,
  FilterField,
  FilterGroup,
  FilterRule,
  NumberOp,
  ObjectFilter,
  ObjectKind as FilterObjectKind,
  SetOp,
} from './elements/filter-builder/filter-builder.js';
export { createThumbnailCache } from './elements/frame-navigator/thumbnails.js';
export type {
  ThumbnailCache,
  ThumbnailCacheOptions,
} from './elements/frame-navigator/thumbnails.js';
export { hasDetails, listRows } from './elements/object-list/object-list.js';
export type { ListRow } from './elements/object-list/object-list.js';
export { adjacentKeyframe } from './controller/actions.js';
export { AnnotIoMenu } from './elements/io-menu/io-menu.js';
export { AnnotLabelEditor } from './elements/label-editor/label-editor.js';
export type {
  AnnotAutosaveFoundDetail,
  AnnotExportDoneDetail,
  AnnotImportDoneDetail,
} from './events.js';
export {
  AUTOSAVE_DB_NAME,
  EditorPersistence,
  SHORTCUTS_STORAGE_PREFIX,
  createAutosave,
  loadShortcuts,
  persistShortcuts,
  saveShortcuts,
  shortcutOverrides,
  shortcutsStorageKey,
} from './controller/persistence.js';
export type {
  Autosave,
  AutosaveOptions,
  AutosaveRecord,
  PersistenceHost,
} from './controller/persistence.js';
