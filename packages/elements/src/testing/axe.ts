/**
 * axe-core in the test browser. axe ships a self-registering browser build (`axe.min.js`, it
 * sets `window.axe`), so it is loaded as a classic script from the test server instead of being
 * bundled: no wrapper and no runner configuration are needed.
 */
import type * as AxeCore from 'axe-core';
import type { AxeResults, ImpactValue, Result, RunOptions } from 'axe-core';

type Axe = typeof AxeCore;

const AXE_URL = '/node_modules/axe-core/axe.min.js';

/** The rule tags of WCAG 2.1 levels A and AA (2.0 rules included, as axe tags them). */
export const WCAG21_AA_TAGS: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let loading: Promise<Axe> | undefined;

/** Loads axe-core once per page and returns it. */
export function loadAxe(): Promise<Axe> {
  loading ??= new Promise<Axe>((resolve, reject) => {
    const existing = (globalThis as { axe?: Axe }).axe;
    if (existing) {
      resolve(existing);
      return;
    }
    const script = document.createElement('script');
    script.src = AXE_URL;
    script.onload = () => {
      const axe = (globalThis as { axe?: Axe }).axe;
      if (axe) resolve(axe);
      else reject(new Error(`${AXE_URL} loaded but did not define window.axe`));
    };
    script.onerror = () => reject(new Error(`could not load ${AXE_URL}`));
    document.head.appendChild(script);
  });
  return loading;
}

/** One violation, flattened for readable assertion messages. */
export interface AxeFinding {
  readonly rule: string;
  readonly impact: ImpactValue | undefined;
  readonly help: string;
  /** axe's selectors of each failing node (shadow hosts joined by ` >> `). */
  readonly targets: readonly string[];
  /** axe's explanation for the first failing node. */
  readonly summary: string;
}

const flatten = (v: Result): AxeFinding => ({
  rule: v.id,
  impact: v.impact ?? undefined,
  help: v.help,
  targets: v.nodes.map((n) =>
    n.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : String(t))).join(' | '),
  ),
  summary: v.nodes[0]?.failureSummary ?? '',
});

/**
 * Runs the WCAG 2.1 A/AA rules of axe-core on `el` and everything inside it, open shadow roots
 * included (axe walks them itself). Returns the violations; an empty list means none.
 */
export async function auditA11y(el: Element, options: RunOptions = {}): Promise<AxeFinding[]> {
  const axe = await loadAxe();
  const results: AxeResults = await axe.run(el, {
    runOnly: { type: 'tag', values: [...WCAG21_AA_TAGS] },
    resultTypes: ['violations'],
    ...options,
  });
  return results.violations.map(flatten);
}
