import { expect } from 'chai';
import fc from 'fast-check';
import type { DocumentData } from '../model/records.js';
import { validateDocumentData } from '../model/validate.js';
import { documentDataArbitrary } from '../document/arbitraries.js';
import { createDocument } from '../document/createDocument.js';
import { catchError, sampleData } from '../document/testData.js';
import type { MigratingRecord, MigrationTable } from './migrations.js';
import { checkMigrationTable, migrateDocument, migrations } from './migrations.js';
import { parseDocument, parseDocumentWith } from './parseDocument.js';
import { serializeDocument } from './serializeDocument.js';
import { CURRENT_SCHEMA_VERSION } from './version.js';

/** Rebuilds every object with its keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse()) {
    out[key] = reverseKeys((value as Record<string, unknown>)[key]);
  }
  return out;
}

describe('serializeDocument / parseDocument', () => {
  it('round-trips generated documents exactly (property)', () => {
    fc.assert(
      fc.property(documentDataArbitrary(), (d: DocumentData) => {
        const text = serializeDocument(d);
        expect(parseDocument(text)).to.deep.equal(d);
        expect(serializeDocument(createDocument(d))).to.equal(text);
      }),
      { numRuns: 200 },
    );
  });

  it('writes a stable key order whatever the order of the input', () => {
    fc.assert(
      fc.property(documentDataArbitrary({ maxObjects: 4 }), (d: DocumentData) => {
        const shuffled = reverseKeys(d) as DocumentData;
        expect(serializeDocument(shuffled)).to.equal(serializeDocument(d));
      }),
      { numRuns: 50 },
    );
    const text = serializeDocument(sampleData(), { indent: 2 });
    expect(text.startsWith('{\n  "schemaVersion": 1,\n  "media": {')).to.equal(true);
    expect(Object.keys(JSON.parse(text) as object)).to.deep.equal([
      'schemaVersion',
      'media',
      'labels',
      'objects',
      'meta',
    ]);
    expect(text).to.contain('"attributes": [],\n      "color": "#ffff00",\n      "id": 2,');
  });

  it('refuses to write invalid data', () => {
    catchError(() => serializeDocument({ ...sampleData(), labels: [] }), 'unknown-label');
  });

  it('rejects bad JSON with the line number', () => {
    const err = catchError(() => parseDocument('{\n"a": 1,\n]', { file: 'doc.json' }), 'parse');
    expect(err.file).to.equal('doc.json');
    expect(err.line).to.equal(3);
    catchError(() => parseDocument('[]'), 'invalid-type');
  });

  it('rejects a schema version newer than this library', () => {
    const text = JSON.stringify({ ...sampleData(), schemaVersion: CURRENT_SCHEMA_VERSION + 1 });
    const err = catchError(() => parseDocument(text), 'schema-version');
    expect(err.path).to.deep.equal(['schemaVersion']);
  });

  it('bounds text size, nesting depth and record counts', () => {
    const text = serializeDocument(sampleData());
    catchError(() => parseDocument(text, { maxChars: text.length - 1 }), 'limit');
    expect(parseDocument(text, { maxChars: text.length })).to.deep.equal(sampleData());
    const deep = (n: number) => ({
      ...sampleData(),
      meta: { x: JSON.parse('['.repeat(n) + ']'.repeat(n)) },
    });
    // meta.x at depth 2, so 62 more levels fit into the default 64.
    expect(parseDocument(JSON.stringify(deep(62)))).to.deep.equal(deep(62));
    catchError(() => parseDocument(JSON.stringify(deep(63))), 'limit');
    catchError(() => parseDocument(deep(63)), 'limit');
    // Brackets inside strings do not count.
    parseDocument(JSON.stringify({ ...sampleData(), meta: { s: '[[[[[[[[[[\\"[[' } }), {
      maxDepth: 6,
    });
    catchError(() => parseDocument('['.repeat(100000) + ']'.repeat(100000)), 'limit');
    catchError(() => parseDocument(text, { maxObjects: 2 }), 'limit');
    catchError(() => parseDocument(text, { maxLabels: 1 }), 'limit');
    catchError(() => parseDocument(text, { maxFrames: 4 }), 'limit');
    const tracks = {
      ...sampleData(),
      objects: [0, 1].map((id) => ({
        kind: 'track',
        id,
        label: 1,
        attributes: {},
        group: 0,
        source: 'manual',
        keyframes: [0, 1].map((frame) => ({
          frame,
          geometry: { type: 'rectangle', points: [0, 0, 1, 1], rotation: 0 },
          outside: false,
          occluded: false,
          zOrder: 0,
          attributes: {},
        })),
      })),
    };
    parseDocument(tracks, { maxKeyframes: 4 });
    catchError(() => parseDocument(tracks, { maxKeyframes: 3 }), 'limit');
  });

  it('never lets __proto__ keys reach objects', () => {
    const base = serializeDocument(sampleData());
    const inMeta = base.replace('"meta":{', '"meta":{"__proto__":{"polluted":1},');
    const inAttrs = base.replace('"attributes":{}', '"attributes":{"__proto__":{"polluted":1}}');
    const inRecord = base.replace('"objects":[{', '"objects":[{"__proto__":{"polluted":1},');
    expect(catchError(() => parseDocument(inMeta), 'invalid-type').path).to.deep.equal([
      'meta',
      '__proto__',
    ]);
    expect(catchError(() => parseDocument(inAttrs), 'unknown-attribute').path).to.deep.equal([
      'objects',
      0,
      'attributes',
      '__proto__',
    ]);
    catchError(() => parseDocument(inRecord), 'invalid-type');
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
});

describe('migrations', () => {
  it("the library's table is well formed: versions contiguous from 2 to CURRENT", () => {
    checkMigrationTable(migrations, CURRENT_SCHEMA_VERSION);
    const versions = [...migrations.document, ...migrations.label, ...migrations.object]
      .map((m) => m.version)
      .sort((a, b) => a - b);
    const expected = Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => i + 2);
    expect([...new Set(versions)]).to.deep.equal(expected);
  });

  // A test-local history of the format: v1 → v2 → v3, proving the machinery runs every
  // registered migration, in order, on the right records.
  const log: string[] = [];
  const rename =
    (from: string, to: string) =>
    (r: MigratingRecord): MigratingRecord => {
      const { [from]: value, ...rest } = r;
      return from in r ? { ...rest, [to]: value } : r;
    };
  const table: MigrationTable = {
    document: [
      {
        version: 3,
        name: 'info → meta',
        up: (d) => (log.push('document 3'), rename('info', 'meta')(d)),
      },
    ],
    label: [
      {
        version: 2,
        name: 'colour → color',
        up: (l) => (log.push(`label 2 ${String(l.id)}`), rename('colour', 'color')(l)),
      },
    ],
    object: [
      {
        version: 2,
        name: 'frameIndex → frame',
        up: (o) => (log.push(`object 2 ${String(o.id)}`), rename('frameIndex', 'frame')(o)),
      },
      {
        version: 3,
        name: 'z → zOrder',
        up: (o) => (log.push(`object 3 ${String(o.id)}`), rename('z', 'zOrder')(o)),
      },
    ],
  };
  /** sampleData as it was stored in the imagined version 1. */
  const storedV1 = (): MigratingRecord => {
    const d = JSON.parse(JSON.stringify(sampleData())) as Record<string, unknown>;
    const labels = (d.labels as MigratingRecord[]).map((l) => rename('color', 'colour')(l));
    const objects = (d.objects as MigratingRecord[]).map((o) =>
      rename('zOrder', 'z')(rename('frame', 'frameIndex')(o)),
    );
    return { ...rename('meta', 'info')(d), schemaVersion: 1, labels, objects };
  };
  const validateV3 = (v: unknown): DocumentData => {
    const d = v as MigratingRecord;
    expect(d.schemaVersion).to.equal(3);
    return validateDocumentData({ ...d, schemaVersion: CURRENT_SCHEMA_VERSION });
  };

  it('runs every migration once, in version order, document before labels before objects', () => {
    checkMigrationTable(table, 3);
    log.length = 0;
    const input = storedV1();
    const snapshot = JSON.stringify(input);
    const out = parseDocumentWith(JSON.stringify(input), {}, table, 3, validateV3);
    expect(out).to.deep.equal({ ...sampleData(), schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(log).to.deep.equal([
      'label 2 1',
      'label 2 2',
      'object 2 1',
      'object 2 2',
      'object 2 5',
      'document 3',
      'object 3 1',
      'object 3 2',
      'object 3 5',
    ]);
    // Parsed values are migrated without touching the caller's object.
    log.length = 0;
    parseDocumentWith(input, {}, table, 3, validateV3);
    expect(JSON.stringify(input)).to.equal(snapshot);
    expect(log.length).to.equal(9);
  });

  it('runs only the migrations newer than the stored version', () => {
    log.length = 0;
    const v2 = migrateDocument(storedV1(), { table, to: 2 });
    expect(v2.schemaVersion).to.equal(2);
    log.length = 0;
    const v3 = migrateDocument(v2, { table, to: 3 });
    expect(log).to.deep.equal(['document 3', 'object 3 1', 'object 3 2', 'object 3 5']);
    expect(validateV3(v3)).to.deep.equal({ ...sampleData(), schemaVersion: 1 });
    catchError(() => migrateDocument(v3, { table, to: 2 }), 'schema-version');
  });

  it('rejects malformed tables: gaps, disorder, versions past the target', () => {
    const m = (version: number) => ({
      version,
      name: `m${version}`,
      up: (r: MigratingRecord) => r,
    });
    catchError(
      () => checkMigrationTable({ document: [m(2), m(4)], label: [], object: [] }, 4),
      'invalid-type',
    );
    catchError(
      () => checkMigrationTable({ document: [m(3), m(2)], label: [], object: [] }, 3),
      'invalid-type',
    );
    catchError(
      () => checkMigrationTable({ document: [], label: [m(5)], object: [] }, 4),
      'invalid-type',
    );
    catchError(
      () => checkMigrationTable({ document: [], label: [m(1)], object: [] }, 2),
      'invalid-type',
    );
    checkMigrationTable({ document: [m(3)], label: [m(2)], object: [m(2), m(3)] }, 3);
  });
});
