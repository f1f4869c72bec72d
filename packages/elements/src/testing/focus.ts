/** Focus helpers for tests that walk shadow trees. */

/** The focused element, following `shadowRoot.activeElement` into open shadow trees. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active === document.body ? null : active;
}

/**
 * The custom element in `host`'s shadow root that contains `node` (crossing shadow boundaries),
 * i.e. the editor part holding it; else the top-level node of `host`'s shadow root holding it;
 * `undefined` when `node` is not inside `host`'s shadow tree.
 */
export function partOf(node: Node, host: Element): Element | undefined {
  let top: Element | undefined;
  let n: Node | null = node;
  while (n && n !== host) {
    if (n instanceof Element && n.getRootNode() === host.shadowRoot) {
      if (n.localName.includes('-')) return n;
      top = n;
    }
    n = n.parentNode instanceof ShadowRoot ? n.parentNode.host : n.parentNode;
  }
  return n === host ? top : undefined;
}
