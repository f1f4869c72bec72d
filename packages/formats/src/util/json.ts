/**
 * Safe JSON parsing for untrusted dataset files.
 *
 * Why not a reviver: a reviver runs a JS call per value and makes large files several times slower
 * than `JSON.parse`. Instead the text is parsed natively and then walked once, iteratively, to
 * bound the depth and to remove keys that could reach prototypes (`__proto__`, `constructor`,
 * `prototype`) before any codec copies or merges the objects.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import { lineAt } from './xml.js';

/** Keys that never reach parsed objects. */
export const FORBIDDEN_JSON_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** Options for {@link parseJsonSafe}. */
export interface SafeJsonOptions {
  /** File name used in error messages. */
  readonly file?: string;
  /** Maximum nesting of arrays and objects. Defaults to 64. */
  readonly maxDepth?: number;
  /** Maximum input length in characters. Defaults to 1 GiB (2^30). */
  readonly maxLength?: number;
  /**
   * What to do with forbidden keys: `'drop'` removes them (and reports each through
   * `onDroppedKey`), `'reject'` throws `AnnotkitError` `parse`. Defaults to `'drop'`.
   */
  readonly forbiddenKeys?: 'drop' | 'reject';
  /** Called with the JSON path of every dropped key. */
  readonly onDroppedKey?: (path: readonly (string | number)[]) => void;
}

/**
 * Parses JSON text. Throws `AnnotkitError` `parse` (with file and line) on malformed JSON,
 * `limit` when the text or its nesting is over the bounds.
 */
export function parseJsonSafe(text: string, options: SafeJsonOptions = {}): unknown {
  const file = options.file;
  const maxLength = options.maxLength ?? 2 ** 30;
  if (text.length > maxLength) {
    throw new AnnotkitError(ErrorCode.Limit, `JSON is larger than ${maxLength} characters`, {
      file,
    });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const line = /line (\d+)/.exec(msg);
    throw new AnnotkitError(ErrorCode.Parse, `malformed JSON: ${msg}`, {
      file,
      line: line ? Number(line[1]) : lineAt(text, pos ? Number(pos[1]) : jsonErrorOffset(text)),
      cause: e,
    });
  }
  sanitize(value, options);
  return value;
}

interface Frame {
  readonly v: object;
  readonly depth: number;
  readonly path: readonly (string | number)[] | undefined;
}

function sanitize(root: unknown, options: SafeJsonOptions): void {
  if (root === null || typeof root !== 'object') return;
  const maxDepth = options.maxDepth ?? 64;
  const reject = options.forbiddenKeys === 'reject';
  const onDropped = options.onDroppedKey;
  // Paths are only tracked lazily (when an error or drop must be reported) to keep the walk cheap.
  const stack: object[] = [root];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const v = stack.pop() as object;
    const depth = depths.pop() as number;
    if (depth > maxDepth) {
      throw new AnnotkitError(ErrorCode.Limit, `JSON nesting is deeper than ${maxDepth}`, {
        file: options.file,
        path: findPath(root, v),
      });
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const c: unknown = v[i];
        if (c !== null && typeof c === 'object') {
          stack.push(c);
          depths.push(depth + 1);
        }
      }
    } else {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        if (FORBIDDEN_JSON_KEYS.has(k)) {
          const path = [...findPath(root, v), k];
          if (reject) {
            throw new AnnotkitError(ErrorCode.Parse, `forbidden key "${k}"`, {
              file: options.file,
              path,
            });
          }
          delete o[k];
          onDropped?.(path);
          continue;
        }
        const c = o[k];
        if (c !== null && typeof c === 'object') {
          stack.push(c);
          depths.push(depth + 1);
        }
      }
    }
  }
}

/** Path from `root` to the object `target` (only computed when reporting). */
function findPath(root: object, target: object): (string | number)[] {
  const seen: Frame[] = [{ v: root, depth: 0, path: [] }];
  while (seen.length > 0) {
    const f = seen.pop() as Frame;
    if (f.v === target) return [...(f.path ?? [])];
    const entries: [string | number, unknown][] = Array.isArray(f.v)
      ? f.v.map((c, i): [number, unknown] => [i, c])
      : Object.entries(f.v);
    for (const [k, c] of entries) {
      if (c !== null && typeof c === 'object') {
        seen.push({ v: c, depth: f.depth + 1, path: [...(f.path ?? []), k] });
      }
    }
  }
  return [];
}

/**
 * Offset of the first syntax error in JSON text (engines differ in whether their messages say
 * where). A small scanner, only run after `JSON.parse` has failed.
 */
export function jsonErrorOffset(t: string): number {
  let i = 0;
  const ws = () => {
    while (i < t.length && ' \t\n\r'.includes(t[i])) i++;
  };
  const value = (): boolean => {
    ws();
    const c = t[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (t[i] === close) {
        i++;
        return true;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (t[i] !== '"' || !str()) return false;
          ws();
          if (t[i] !== ':') return false;
          i++;
        }
        if (!value()) return false;
        ws();
        if (t[i] === ',') {
          i++;
          continue;
        }
        if (t[i] === close) {
          i++;
          return true;
        }
        return false;
      }
    }
    if (c === '"') return str();
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(t.slice(i, i + 64));
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  const str = (): boolean => {
    i++;
    while (i < t.length) {
      const c = t[i];
      if (c === '\\') i += 2;
      else if (c === '"') {
        i++;
        return true;
      } else if (c < ' ') return false;
      else i++;
    }
    return false;
  };
  if (!value()) return i;
  ws();
  return i;
}
