/**
 * Schema migrations, numbered per record type from day one.
 *
 * Each record type (the document envelope, labels, objects) has its own list of migrations. A
 * migration with `version: n` turns a record of schema `n − 1` into schema `n`. Migrating from
 * stored version `s` to `t` runs, for each version `s < n ≤ t` in order, the document migration
 * `n` (if any), then label migration `n` on every label, then object migration `n` on every
 * object. Version 1 is the initial format, so the table is empty until the first schema change;
 * add a migration with the next version and bump `CURRENT_SCHEMA_VERSION` together.
 */
import { AnnotkitError } from '../errors.js';
import { CURRENT_SCHEMA_VERSION } from './version.js';

/** A record in the middle of migrating: plain JSON, shape not yet known. */
export type MigratingRecord = { readonly [key: string]: unknown };

/** One step of a record type's schema. `up` must be pure: return a new record. */
export interface Migration {
  /** The schema version this migration produces (≥ 2). */
  readonly version: number;
  /** Short description, for error messages. */
  readonly name: string;
  up(record: MigratingRecord): MigratingRecord;
}

/** Migrations per record type, each list sorted by version. */
export interface MigrationTable {
  readonly document: readonly Migration[];
  readonly label: readonly Migration[];
  readonly object: readonly Migration[];
}

/** The migrations of this library. Empty: version 1 is the initial and current format. */
export const migrations: MigrationTable = Object.freeze({
  document: Object.freeze([]),
  label: Object.freeze([]),
  object: Object.freeze([]),
});

/**
 * Checks a table: per type, versions strictly increase within `[2, current]`; over all types,
 * every version from 2 to `current` has at least one migration (a version bump without a
 * migration would be a silent format change). Throws `invalid-type`.
 */
export function checkMigrationTable(table: MigrationTable, current: number): void {
  const all = new Set<number>();
  for (const type of ['document', 'label', 'object'] as const) {
    let prev = 1;
    table[type].forEach((m, i) => {
      if (!Number.isInteger(m.version) || m.version <= prev || m.version > current) {
        throw new AnnotkitError(
          'invalid-type',
          `migration "${m.name}" has version ${m.version}; expected ${prev + 1}…${current} in order`,
          { path: [type, i, 'version'] },
        );
      }
      prev = m.version;
      all.add(m.version);
    });
  }
  for (let v = 2; v <= current; v++) {
    if (!all.has(v)) {
      throw new AnnotkitError('invalid-type', `no migration produces version ${v}`, { path: [] });
    }
  }
}

function byVersion(list: readonly Migration[]): Map<number, Migration> {
  return new Map(list.map((m) => [m.version, m]));
}

/** Runs one migration and wraps failures with the record's path. */
function run(m: Migration, record: unknown, path: (string | number)[]): MigratingRecord {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new AnnotkitError('invalid-type', 'expected an object', { path });
  }
  try {
    return m.up(record as MigratingRecord);
  } catch (cause) {
    if (cause instanceof AnnotkitError) throw cause;
    throw new AnnotkitError('parse', `migration ${m.version} "${m.name}" failed`, { path, cause });
  }
}

/** Options of `migrateDocument`. */
export interface MigrateOptions {
  /** Defaults to the library's `migrations`. */
  readonly table?: MigrationTable;
  /** Defaults to `CURRENT_SCHEMA_VERSION`. */
  readonly to?: number;
}

/**
 * Migrates a raw document (plain JSON with `schemaVersion`, `labels` and `objects` arrays) to
 * version `to` (which may be below the table's last version), without touching the input. The
 * table is checked first (`checkMigrationTable`). Throws `schema-version` for a stored version newer
 * than `to`. Does not validate the result; `parseDocument` does that.
 */
export function migrateDocument(
  raw: MigratingRecord,
  options: MigrateOptions = {},
): MigratingRecord {
  const table = options.table ?? migrations;
  const to = options.to ?? CURRENT_SCHEMA_VERSION;
  const highest = Math.max(
    1,
    ...[...table.document, ...table.label, ...table.object].map((m) => m.version),
  );
  checkMigrationTable(table, Math.max(to, highest));
  const from = raw.schemaVersion;
  if (typeof from !== 'number' || !Number.isSafeInteger(from) || from < 1) {
    throw new AnnotkitError('invalid-type', 'schemaVersion must be an integer ≥ 1', {
      path: ['schemaVersion'],
    });
  }
  if (from > to) {
    throw new AnnotkitError(
      'schema-version',
      `document has schema version ${from}, newer than ${to}; update the library`,
      { path: ['schemaVersion'] },
    );
  }
  const doc = byVersion(table.document);
  const label = byVersion(table.label);
  const object = byVersion(table.object);
  let out: MigratingRecord = raw;
  for (let v = from + 1; v <= to; v++) {
    const d = doc.get(v);
    if (d) out = run(d, out, []);
    const l = label.get(v);
    const o = object.get(v);
    const mapList = (key: 'labels' | 'objects', m: Migration | undefined): unknown => {
      const list = out[key];
      if (!m) return list;
      if (!Array.isArray(list)) {
        throw new AnnotkitError('invalid-type', 'expected an array', { path: [key] });
      }
      return list.map((r: unknown, i) => run(m, r, [key, i]));
    };
    out = {
      ...out,
      labels: mapList('labels', l),
      objects: mapList('objects', o),
      schemaVersion: v,
    };
  }
  return out;
}
