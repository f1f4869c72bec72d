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

const INTEGER_KEY = /^(0|[1-9][0-9]*)$/;

/** Integer-like keys first in numeric order (as JS objects keep them), then the rest sorted. */
function compareKeys(a: string, b: string): number {
  const ai = INTEGER_KEY.test(a);
  const bi = INTEGER_KEY.test(b);
  if (ai && bi) return Number(a) - Number(b);
  if (ai !== bi) return ai ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy of a JSON value with every object's keys sorted; `undefined` members are left out. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  const src = value as { readonly [key: string]: unknown };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(src).sort(compareKeys)) {
    const v = src[key];
    // defineProperty: a "__proto__" key (never present in validated data) stays a plain key.
    if (v !== undefined) {
      Object.defineProperty(out, key, {
        value: canonical(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return out;
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
  const ordered = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    media: canonical(data.media),
    labels: canonical(data.labels),
    objects: canonical(data.objects),
    meta: canonical(data.meta),
  };
  return JSON.stringify(ordered, null, options.indent ?? 0);
}
