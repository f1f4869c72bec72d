/**
 * JSON reading for the COCO codecs: parsing goes through the package's bounded, prototype-safe
 * `parseJsonSafe`; `JsonReader` gives typed field access that throws `AnnotkitError` naming the
 * file and the JSON path of the offending value.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import type { ErrorPath } from '@annotkit/core';
import { parseJsonSafe } from '../../util/json.js';

/** Parses `text` from `file`; throws `AnnotkitError` (`parse` / `limit`) naming file and line. */
export function parseJsonText(text: string, file: string): unknown {
  return parseJsonSafe(text, { file });
}

/** Typed accessors that throw `invalid-type` with file and JSON path. */
export class JsonReader {
  constructor(readonly file: string) {}

  fail(path: ErrorPath, message: string, code: ErrorCode = ErrorCode.InvalidType): never {
    throw new AnnotkitError(code, message, { file: this.file, path });
  }

  object(v: unknown, path: ErrorPath): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(path, 'expected an object');
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
