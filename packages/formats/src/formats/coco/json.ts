/**
 * JSON reading for the COCO codecs. COCO files are the largest inputs we take (100k+
 * annotations), so they are parsed with the bare native `JSON.parse` rather than the package's
 * sanitising `parseJsonSafe`, whose extra walk over every value costs about half a parse again
 * and would break the 2× budget on its own. This is safe because the COCO readers never copy or
 * merge parsed objects: they read known fields one by one, and keys of the custom `attributes`
 * dict only ever become attribute *names* (strings), never object keys. Depth needs no walk
 * either: the readers do not recurse, and a native stack overflow is caught below.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import type { ErrorPath } from '@annotkit/core';
import { lineAt } from '../../util/xml.js';

/** Largest JSON text accepted, in UTF-16 code units. Defaults to 2^30. */
export const MAX_JSON_CHARS = 2 ** 30;

/** Parses `text` from `file`; throws `AnnotkitError` (`parse` / `limit`) naming file and line. */
export function parseJsonText(text: string, file: string): unknown {
  if (text.length > MAX_JSON_CHARS) {
    throw new AnnotkitError(ErrorCode.Limit, `JSON file is larger than ${MAX_JSON_CHARS} chars`, {
      file,
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    if (e instanceof RangeError) {
      throw new AnnotkitError(ErrorCode.Limit, 'JSON nesting is too deep', { file, cause: e });
    }
    const msg = e instanceof Error ? e.message : String(e);
    const lm = /line (\d+)/.exec(msg);
    const pm = /position (\d+)/.exec(msg);
    const line = lm
      ? Number(lm[1])
      : pm
        ? lineAt(text, Number(pm[1]))
        : /end of (JSON )?input|Unexpected end/i.test(msg)
          ? lineAt(text, text.length)
          : undefined;
    throw new AnnotkitError(ErrorCode.Parse, `invalid JSON: ${msg}`, { file, line, cause: e });
  }
}

/** Typed accessors that throw `invalid-type` with file and JSON path. */
export class JsonReader {
  constructor(readonly file: string) {}

  fail(path: ErrorPath, message: string, code: ErrorCode = ErrorCode.InvalidType): never {
    throw new AnnotkitError(code, message, { file: this.file, path });
  }

  object(v: unknown, path: ErrorPath): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      this.fail(path, 'expected an object');
    return v as Record<string, unknown>;
  }

  array(v: unknown, path: ErrorPath): unknown[] {
    if (!Array.isArray(v)) this.fail(path, 'expected an array');
    return v;
  }

  optArray(v: unknown, path: ErrorPath): unknown[] {
    return v === undefined || v === null ? [] : this.array(v, path);
  }

  number(v: unknown, path: ErrorPath): number {
    if (typeof v !== 'number') this.fail(path, 'expected a number');
    if (!Number.isFinite(v)) this.fail(path, 'expected a finite number', ErrorCode.NotFinite);
    return v;
  }

  int(v: unknown, path: ErrorPath): number {
    const n = this.number(v, path);
    if (!Number.isInteger(n)) this.fail(path, 'expected an integer');
    return n;
  }

  string(v: unknown, path: ErrorPath): string {
    if (typeof v !== 'string') this.fail(path, 'expected a string');
    return v;
  }

  /** A flat array of finite numbers. */
  numbers(v: unknown, path: ErrorPath): number[] {
    const a = this.array(v, path);
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      if (typeof x !== 'number' || !Number.isFinite(x)) this.number(x, [...path, i]);
    }
    return a as number[];
  }
}
