/**
 * Shared checks for untrusted geometry. Every failure throws `AnnotkitError` with a stable code
 * and the path extended down to the offending field.
 */
import { AnnotkitError, ErrorCode } from '../errors.js';
import type { ErrorPath } from '../errors.js';

/** Throws `invalid-type` at `path`. */
export function invalidType(path: ErrorPath, message: string): never {
  throw new AnnotkitError(ErrorCode.InvalidType, message, { path });
}

/**
 * Checks that `value` is a plain object whose `type` is `type` and whose keys are exactly
 * `keys` (plus `type`); returns it as a record.
 */
export function expectGeometryObject(
  value: unknown,
  type: string,
  keys: readonly string[],
  path: ErrorPath,
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalidType(path, `expected a ${type} geometry object`);
  }
  const record = value as Record<string, unknown>;
  if (record.type !== type) {
    invalidType([...path, 'type'], `expected type '${type}', got ${describe(record.type)}`);
  }
  for (const key of Object.keys(record)) {
    if (key !== 'type' && !keys.includes(key)) {
      invalidType([...path, key], `unknown field '${key}' in a ${type} geometry`);
    }
  }
  return record;
}

/** Checks a finite number. */
export function expectFinite(value: unknown, path: ErrorPath): number {
  if (typeof value !== 'number') invalidType(path, `expected a number, got ${describe(value)}`);
  if (!Number.isFinite(value)) {
    throw new AnnotkitError(ErrorCode.NotFinite, `expected a finite number, got ${value}`, {
      path,
    });
  }
  return value;
}

/** Checks an integer (finite, no fraction). */
export function expectInteger(value: unknown, path: ErrorPath): number {
  const n = expectFinite(value, path);
  if (!Number.isInteger(n)) invalidType(path, `expected an integer, got ${n}`);
  return n;
}

/** Checks a boolean. */
export function expectBoolean(value: unknown, path: ErrorPath): boolean {
  if (typeof value !== 'boolean') invalidType(path, `expected a boolean, got ${describe(value)}`);
  return value;
}

/** Checks an array of finite numbers and returns a copy. */
export function expectFiniteArray(value: unknown, path: ErrorPath): number[] {
  if (!Array.isArray(value)) invalidType(path, `expected an array of numbers`);
  const out = new Array<number>(value.length);
  for (let i = 0; i < value.length; i++) out[i] = expectFinite(value[i], [...path, i]);
  return out;
}

/** Checks a fixed-length tuple of finite numbers. */
export function expectFiniteTuple(value: unknown, length: number, path: ErrorPath): number[] {
  const out = expectFiniteArray(value, path);
  if (out.length !== length) {
    throw new AnnotkitError(ErrorCode.PointCount, `expected ${length} numbers, got ${out.length}`, {
      path,
    });
  }
  return out;
}

/**
 * Checks a flat `[x1, y1, …]` array of finite numbers with an even length and at least
 * `minPoints` points; returns a copy.
 */
export function expectPointArray(value: unknown, minPoints: number, path: ErrorPath): number[] {
  const out = expectFiniteArray(value, path);
  if (out.length % 2 !== 0) {
    throw new AnnotkitError(
      ErrorCode.PointCount,
      `expected an even number of coordinates, got ${out.length}`,
      { path },
    );
  }
  if (out.length < 2 * minPoints) {
    throw new AnnotkitError(
      ErrorCode.PointCount,
      `expected at least ${minPoints} point${minPoints === 1 ? '' : 's'}, got ${out.length / 2}`,
      { path },
    );
  }
  return out;
}

/**
 * Checks attribute values: a plain object whose keys are attribute ids (non-negative integers)
 * and whose values are strings. Returns a copy.
 */
export function expectAttributeValues(
  value: unknown,
  path: ErrorPath,
): { readonly [attributeId: number]: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalidType(path, 'expected an object of attribute values');
  }
  const out: Record<number, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!/^(0|[1-9][0-9]*)$/.test(key)) {
      invalidType([...path, key], `attribute keys are attribute ids, got '${key}'`);
    }
    if (typeof v !== 'string') {
      invalidType([...path, key], `attribute values are strings, got ${describe(v)}`);
    }
    out[Number(key)] = v;
  }
  return out;
}

/** A short description of a value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `'${value.length > 40 ? value.slice(0, 40) + '…' : value}'`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}
