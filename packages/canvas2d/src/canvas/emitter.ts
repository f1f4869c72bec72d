/** A tiny typed event emitter, one per canvas instance (no module-global listeners). */

/** Handler for one event type. */
export type Handler<P> = (payload: P) => void;

/** A typed emitter over an event map `{ name: payload }`. */
export interface Emitter<M> {
  /** Subscribes; returns the unsubscribe function. */
  on<K extends keyof M>(event: K, handler: Handler<M[K]>): () => void;
  /** Calls every handler of `event` synchronously in subscription order. */
  emit<K extends keyof M>(event: K, payload: M[K]): void;
  /** Removes every handler. */
  clear(): void;
}

/** Creates an emitter. A throwing handler does not stop the others; its error is rethrown async. */
export function createEmitter<M>(): Emitter<M> {
  const handlers = new Map<keyof M, Set<Handler<never>>>();
  return {
    on(event, handler) {
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(handler as Handler<never>);
      return () => {
        set.delete(handler as Handler<never>);
      };
    },
    emit(event, payload) {
      const set = handlers.get(event);
      if (!set) return;
      for (const h of [...set]) {
        try {
          (h as Handler<typeof payload>)(payload);
        } catch (e) {
          queueMicrotask(() => {
            throw e;
          });
        }
      }
    },
    clear() {
      handlers.clear();
    },
  };
}
