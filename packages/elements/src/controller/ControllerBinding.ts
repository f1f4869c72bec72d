/**
 * The ReactiveController adapter between a Lit element and an `EditorController`: it finds the
 * controller (an explicit one set on the element wins over the one provided through
 * `editorContext`), subscribes to the events the element renders from, requests an update on
 * each, and unsubscribes when the element leaves the DOM or the controller changes.
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { editorContext } from './context.js';
import type { EditorController } from './EditorController.js';
import type { EditorEventName } from './types.js';

/** Options of `ControllerBinding`. */
export interface ControllerBindingOptions {
  /** Events that re-render the host. Defaults to every event except `change` and `commit`. */
  readonly events?: readonly EditorEventName[];
  /** Called after (re)binding to a controller or unbinding (undefined). */
  readonly onBind?: (controller: EditorController | undefined) => void;
  /** Called for each listed event after the host was asked to update. */
  readonly onEvent?: (event: EditorEventName) => void;
}

const DEFAULT_EVENTS: readonly EditorEventName[] = [
  'document',
  'frame',
  'selection',
  'tool',
  'label',
  'view',
  'history',
  'locale',
  'shortcuts',
];

type Host = ReactiveControllerHost & HTMLElement;

/** Binds one element to one editor controller at a time. */
export class ControllerBinding implements ReactiveController {
  private readonly host: Host;
  private readonly events: readonly EditorEventName[];
  private readonly options: ControllerBindingOptions;
  private provided: EditorController | undefined;
  private explicit: EditorController | undefined;
  private bound: EditorController | undefined;
  private unsubscribers: (() => void)[] = [];
  private connected = false;

  constructor(host: Host, options: ControllerBindingOptions = {}) {
    this.host = host;
    this.options = options;
    this.events = options.events ?? DEFAULT_EVENTS;
    host.addController(this);
    new ContextConsumer(host, {
      context: editorContext,
      subscribe: true,
      callback: (value) => {
        this.provided = value;
        this.rebind();
      },
    });
  }

  /** The controller in use, or undefined. */
  get controller(): EditorController | undefined {
    return this.bound;
  }

  /** Sets an explicit controller (standalone use); undefined falls back to the context. */
  setExplicit(controller: EditorController | undefined): void {
    this.explicit = controller;
    this.rebind();
  }

  hostConnected(): void {
    this.connected = true;
    this.rebind();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.rebind();
  }

  private rebind(): void {
    const next = this.connected ? (this.explicit ?? this.provided) : undefined;
    if (next === this.bound) return;
    for (const off of this.unsubscribers) off();
    this.unsubscribers = [];
    this.bound = next;
    if (next) {
      this.unsubscribers = this.events.map((event) =>
        next.on(event, () => {
          this.host.requestUpdate();
          this.options.onEvent?.(event);
        }),
      );
    }
    this.options.onBind?.(next);
    this.host.requestUpdate();
  }
}
