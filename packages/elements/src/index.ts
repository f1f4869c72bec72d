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
} from './controller/EditorController.js';
export { ControllerBinding } from './controller/ControllerBinding.js';
export type { ControllerBindingOptions } from './controller/ControllerBinding.js';
export { editorContext } from './controller/context.js';
export {
  DEFAULT_SHORTCUTS,
  ShortcutAction,
  actionFor,
  comboOf,
  mergeShortcuts,
  normalizeCombo,
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
