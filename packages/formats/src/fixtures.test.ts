/**
 * Every dataset fixture of the formats in scope: detection, import, core validation and exact
 * counts. The per-codec tests check coordinates and details; this suite makes sure that no
 * fixture folder is left out (the manifest is checked against the fixture listing).
 */
import { expect } from 'chai';
import { validateDocumentData } from '@annotkit/core';
import type { AnnotationObject } from '@annotkit/core';
import { detectFormat } from './detect.js';
import { FIXTURE_CASES, FIXTURE_FORMAT_FOLDERS } from './formats/fixtureManifest.js';
import { fixtureTree } from './util/testFixtures.js';

/** Objects by kind, keyed as in the manifest (`rectangle`, `track:polygon`, `tag`). */
function objectCounts(objects: readonly AnnotationObject[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of objects) {
    const key =
      o.kind === 'shape'
        ? o.geometry.type
        : o.kind === 'track'
          ? `track:${o.keyframes[0].geometry.type}`
          : 'tag';
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

/** Fixture file paths listed in `SOURCES.md` (the first column of its file table). */
async function listedFixtureFiles(): Promise<string[]> {
  const res = await fetch('/__fixtures__/SOURCES.md');
  expect(res.status).to.equal(200);
  const text = await res.text();
  const out: string[] = [];
  for (const m of text.matchAll(/^\| `([^`]+)` \| `[^`]+` \|/gm)) out.push(m[1]);
  return out;
}

describe('all format fixtures', () => {
  it('the manifest lists every fixture file of these formats, and only existing ones', async () => {
    const listed = await listedFixtureFiles();
    expect(listed.length).to.be.greaterThan(200);
    const folders = new Set<string>(FIXTURE_FORMAT_FOLDERS);
    const inScope = listed.filter((p) => folders.has(p.slice(0, p.indexOf('/'))));
    const inManifest = new Set(FIXTURE_CASES.flatMap((c) => c.files.map((f) => `${c.dir}/${f}`)));
    const missing = inScope.filter((p) => !inManifest.has(p));
    expect(missing, 'fixture files not in the manifest').to.deep.equal([]);
    const unknown = [...inManifest].filter((p) => !inScope.includes(p));
    expect(unknown, 'manifest files not in the fixture listing').to.deep.equal([]);
    // Every in-scope folder has at least one dataset.
    for (const f of folders) {
      expect(
        FIXTURE_CASES.some((c) => c.dir.startsWith(`${f}/`)),
        f,
      ).to.equal(true);
    }
    // Dataset folders do not overlap (a file belongs to exactly one case).
    expect(inManifest.size).to.equal(FIXTURE_CASES.reduce((n, c) => n + c.files.length, 0));
  });

  for (const c of FIXTURE_CASES) {
    it(`${c.dir}: detected as ${c.candidates[0]}, imports, validates, exact counts`, async () => {
      // fixtureTree fetches every listed file and fails on a missing one.
      const tree = await fixtureTree(c.dir, c.files);
      const detected = await detectFormat(tree);
      expect(detected.candidates.map((k) => k.codec.id)).to.deep.equal(c.candidates);
      expect(detected.unsure).to.equal(c.unsure);
      const codec = detected.best?.codec;
      if (codec === undefined) throw new Error('no format detected');
      const { document: doc, warnings } = await codec.import(tree);
      expect(() => validateDocumentData(doc)).to.not.throw();
      for (const w of warnings) {
        expect(w.code).to.be.a('string').and.not.equal('');
        expect(w.message).to.be.a('string').and.not.equal('');
      }
      expect(doc.media.kind).to.equal(c.kind);
      expect(doc.media.frames.length).to.equal(c.frames);
      expect(doc.labels.length).to.equal(c.labels);
      expect(objectCounts(doc.objects)).to.deep.equal(c.objects);
      // Object ids are unique (the document store relies on it).
      expect(new Set(doc.objects.map((o) => o.id)).size).to.equal(doc.objects.length);
    });
  }
});
