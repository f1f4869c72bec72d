/** The base class of the editor's part elements: the controller binding and shared helpers. */
import { LitElement } from 'lit';
import { ControllerBinding } from '../controller/ControllerBinding.js';
import type { ControllerBindingOptions } from '../controller/ControllerBinding.js';
import type { EditorController } from '../controller/EditorController.js';
import type { MessageId } from '../i18n/messages.js';
import { EN, formatMessage } from '../i18n/messages.js';

/**
 * A part of the editor. It uses the controller provided by an enclosing `<annot-editor>`
 * (through `editorContext`) or one set on its `controller` property (standalone use).
 */
export class EditorElement extends LitElement {
  /** @internal */
  protected readonly binding: ControllerBinding;

  constructor(options?: ControllerBindingOptions) {
    super();
    this.binding = new ControllerBinding(this, options);
  }

  /**
   * The controller this element works on. Setting one makes the element standalone (it then
   * ignores any enclosing editor); undefined returns to the provided one. Defaults to the
   * controller of the enclosing `<annot-editor>`.
   */
  get controller(): EditorController | undefined {
    return this.binding.controller;
  }
  set controller(value: EditorController | undefined) {
    this.binding.setExplicit(value);
  }

  /** A UI string in the controller's language (English without a controller). */
  protected t(id: MessageId, params?: { readonly [name: string]: string | number }): string {
    const c = this.binding.controller;
    return c ? c.t(id, params) : formatMessage(EN[id], params);
  }
}
