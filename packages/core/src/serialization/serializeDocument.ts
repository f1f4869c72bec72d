/** Writing documents as JSON with a stable key order, so equal documents give equal text. */
import type { AnnotationDocument } from '../document/types.js';
import type { DocumentData } from '../model/records.js';
import { validateDocumentData } from '../model/validate.js';
import { CURRENT_SCHEMA_VERSION } from './version.js';

/** Options of `serializeDocument`. */
export interface SerializeOptions {
  /** Spaces of indentation; 0 writes compact JSON. Defaults to 0. */
  readonly indent?: number;
}

/** True for canonical array-index-like keys (`0`, `17`), which JS objects order first. */
function isIntegerKey(key: string): boolean {
  if (key.length === 0 || key.length > 15) return false;
  if (key.length > 1 && key.charCodeAt(0) === 48 /* 0 */) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Integer-like keys first in numeric order (as JS objects keep them), then the rest sorted. */
function compareKeys(a: string, b: string): number {
  const ai = isIntegerKey(a);
  const bi = isIntegerKey(b);
  if (ai && bi) return Number(a) - Number(b);
  if (ai !== bi) return ai ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedKeys(o: object): string[] {
  const keys = Object.keys(o);
  for (let i = 1; i < keys.length; i++) {
    if (compareKeys(keys[i - 1], keys[i]) > 0) return keys.sort(compareKeys);
  }
  return keys;
}

/**
 * Compact JSON with every object's keys sorted; `undefined` members are left out. Arrays of
 * numbers (the bulk of a document: coordinates) go through the native `JSON.stringify`.
 */
function canonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'number')) return JSON.stringify(value);
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  const src = value as { readonly [key: string]: unknown };
  const parts: string[] = [];
  for (const key of sortedKeys(src)) {
    const v = src[key];
    if (v !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

function isDocument(x: AnnotationDocument | DocumentData): x is AnnotationDocument {
  return typeof (x as AnnotationDocument).transact === 'function';
}

/**
 * Serialises a live document or document data as JSON text at `CURRENT_SCHEMA_VERSION`.
 * Top-level keys come in the order schemaVersion, media, labels, objects, meta; keys inside
 * records are sorted. Plain data is validated first (throws `AnnotkitError`); a live document
 * is valid by construction. `-0` is written as `0`, as JSON does.
 */
export function serializeDocument(
  input: AnnotationDocument | DocumentData,
  options: SerializeOptions = {},
): string {
  const data = isDocument(input) ? input.toJSON() : validateDocumentData(input);
  const text =
    `{"schemaVersion":${CURRENT_SCHEMA_VERSION},"media":${canonicalJson(data.media)},` +
    `"labels":${canonicalJson(data.labels)},"objects":${canonicalJson(data.objects)},` +
    `"meta":${canonicalJson(data.meta)}}`;
  const indent = options.indent ?? 0;
  // Re-indenting keeps the key order: JSON.parse preserves it (integer-like keys are already
  // first, as JS objects order them).
  return indent > 0 ? JSON.stringify(JSON.parse(text), null, indent) : text;
}
