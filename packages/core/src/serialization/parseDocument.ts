/**
 * Reading documents from untrusted JSON: size and depth bounds before parsing, record-count
 * bounds before migrating, migrations, then full validation. Nothing is repaired silently.
 */
import { AnnotkitError } from '../errors.js';
import type { DocumentData } from '../model/records.js';
import { validateDocumentData } from '../model/validate.js';
import type { MigratingRecord, MigrationTable } from './migrations.js';
import { migrateDocument, migrations } from './migrations.js';
import { CURRENT_SCHEMA_VERSION } from './version.js';

/** Bounds and inputs of `parseDocument`. */
export interface ParseOptions {
  /** Maximum length of JSON text in UTF-16 code units. Defaults to 512 Mi (536,870,912). */
  readonly maxChars?: number;
  /** Maximum nesting depth of arrays/objects. Defaults to 64. */
  readonly maxDepth?: number;
  /** Maximum number of labels. Defaults to 10,000. */
  readonly maxLabels?: number;
  /** Maximum number of objects. Defaults to 5,000,000. */
  readonly maxObjects?: number;
  /** Maximum number of media frames. Defaults to 10,000,000. */
  readonly maxFrames?: number;
  /** Maximum number of track keyframes over all tracks. Defaults to 20,000,000. */
  readonly maxKeyframes?: number;
  /** File name for error messages. */
  readonly file?: string;
}

const limit = (message: string, path: (string | number)[], file?: string): never => {
  throw new AnnotkitError('limit', message, { path, file });
};

/** 1-based line of `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Scans JSON text for nesting deeper than `max` without parsing it. */
function checkTextDepth(text: string, max: number, file?: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) {
        throw new AnnotkitError('limit', `JSON nested deeper than ${max}`, {
          file,
          line: lineAt(text, i),
        });
      }
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
}

/** Checks the depth of an already parsed value (cycles end at the bound). */
function checkValueDepth(value: unknown, max: number, file?: string): void {
  const stack: [unknown, number][] = [[value, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [v, d] = item;
    if (typeof v !== 'object' || v === null) continue;
    if (d + 1 > max) limit(`JSON nested deeper than ${max}`, [], file);
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
}

function count(
  value: unknown,
  max: number,
  what: string,
  path: (string | number)[],
  file?: string,
) {
  if (Array.isArray(value) && value.length > max) {
    limit(`${value.length} ${what}, more than the limit of ${max}`, path, file);
  }
}

/**
 * Parses a serialised document (JSON text, or a value already parsed from JSON), migrates it
 * from its `schemaVersion` to `CURRENT_SCHEMA_VERSION` and validates it. Throws `AnnotkitError`:
 * `limit` (size, depth, counts), `parse` (bad JSON, with the line), `schema-version` (newer than
 * this library), or any validation code with the path to the field.
 */
export function parseDocument(json: string | unknown, options: ParseOptions = {}): DocumentData {
  return parseDocumentWith(json, options, migrations, CURRENT_SCHEMA_VERSION, validateDocumentData);
}

/**
 * `parseDocument` with an explicit migration table, target version and final validator (for
 * tests of the migration machinery). Prefer `parseDocument`.
 */
export function parseDocumentWith<T>(
  json: string | unknown,
  options: ParseOptions,
  table: MigrationTable,
  to: number,
  validate: (value: unknown) => T,
): T {
  const { file } = options;
  const maxDepth = options.maxDepth ?? 64;
  let value: unknown = json;
  if (typeof json === 'string') {
    const maxChars = options.maxChars ?? 512 * 1024 * 1024;
    if (json.length > maxChars) limit(`JSON text longer than ${maxChars} characters`, [], file);
    checkTextDepth(json, maxDepth, file);
    try {
      value = JSON.parse(json);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      const pos = /position (\d+)/.exec(message);
      throw new AnnotkitError('parse', `invalid JSON: ${message}`, {
        file,
        line: pos ? lineAt(json, Number(pos[1])) : undefined,
        cause,
      });
    }
  } else checkValueDepth(value, maxDepth, file);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AnnotkitError('invalid-type', 'a document is a JSON object', { file });
  }
  const raw = value as MigratingRecord;
  count(raw.labels, options.maxLabels ?? 10_000, 'labels', ['labels'], file);
  count(raw.objects, options.maxObjects ?? 5_000_000, 'objects', ['objects'], file);
  const media = raw.media as { frames?: unknown } | null | undefined;
  if (typeof media === 'object' && media !== null) {
    count(media.frames, options.maxFrames ?? 10_000_000, 'frames', ['media', 'frames'], file);
  }
  if (Array.isArray(raw.objects)) {
    const max = options.maxKeyframes ?? 20_000_000;
    let total = 0;
    for (const o of raw.objects as unknown[]) {
      const kfs = (o as { keyframes?: unknown } | null)?.keyframes;
      if (Array.isArray(kfs)) total += kfs.length;
    }
    if (total > max) limit(`${total} keyframes, more than the limit of ${max}`, ['objects'], file);
  }
  try {
    return validate(migrateDocument(raw, { table, to }));
  } catch (e) {
    if (e instanceof AnnotkitError && file !== undefined && e.file === undefined) {
      throw new AnnotkitError(e.code, e.message, { path: e.path, file, cause: e });
    }
    throw e;
  }
}
