// The `./node` entry: reading zips, folders and single files; writing zips and folders.
import { describe, it, before, after } from 'node:test';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { readInput, readInputWithKind, treeFromNodeDir, writeOutput } from './node.js';
import { rejectsWith } from './util/testAssert.js';

// The shared fixtures beside the repository (read in place, never copied), or $ANNOTKIT_FIXTURES.
const FIXTURES =
  process.env.ANNOTKIT_FIXTURES ??
  resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures/formats');
const LABELME = join(FIXTURES, 'labelme_3.0/cvat-ai-datumaro/labelme_dataset');

let tmp: string;
before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'annotkit-node-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('@annotkit/formats/node', () => {
  it('reads a folder, and writes it back as a zip and as a folder', async () => {
    const { tree, kind, size } = await readInputWithKind(LABELME);
    expect(kind).to.equal('folder');
    expect(tree.paths()).to.include.members(['img1.xml', 'Masks/img1_mask_1.png']);
    expect(size).to.be.greaterThan(0);
    const out = new Map<string, Uint8Array | string>();
    for (const p of tree.paths()) out.set(p, await tree.read(p));
    out.set('notes/readme.txt', 'héllo');

    await writeOutput(out, join(tmp, 'copy.zip'));
    const zipped = await readInputWithKind(join(tmp, 'copy.zip'));
    expect(zipped.kind).to.equal('zip');
    expect(zipped.tree.paths()).to.deep.equal([...out.keys()].sort());
    expect(await zipped.tree.readText('notes/readme.txt')).to.equal('héllo');
    expect(await zipped.tree.read('Masks/img1_mask_1.png')).to.deep.equal(
      await tree.read('Masks/img1_mask_1.png'),
    );

    await writeOutput(out, join(tmp, 'copy'));
    expect((await readdir(join(tmp, 'copy'))).sort()).to.deep.equal(
      ['Masks', 'Scribbles', 'img1.png', 'img1.xml', 'notes'].sort(),
    );
    expect(await readFile(join(tmp, 'copy/notes/readme.txt'), 'utf8')).to.equal('héllo');
    expect((await treeFromNodeDir(join(tmp, 'copy'))).paths()).to.deep.equal(zipped.tree.paths());
  });

  it('reads a single file as a one-file tree, and a zip whatever its extension', async () => {
    const one = await readInputWithKind(join(LABELME, 'img1.xml'));
    expect(one.kind).to.equal('file');
    expect(one.tree.paths()).to.deep.equal(['img1.xml']);
    await writeOutput(new Map([['a.txt', 'x']]), join(tmp, 'z.zip'));
    await writeFile(join(tmp, 'renamed.bin'), await readFile(join(tmp, 'z.zip')));
    expect((await readInputWithKind(join(tmp, 'renamed.bin'))).kind).to.equal('zip');
    expect((await readInput(join(tmp, 'renamed.bin'))).paths()).to.deep.equal(['a.txt']);
  });

  it('fails with typed errors naming the file', async () => {
    const e = await rejectsWith(readInput(join(tmp, 'none')), 'parse');
    expect((e as { file?: string }).file).to.equal(join(tmp, 'none'));
    await writeFile(join(tmp, 'bad.zip'), 'PK\u0003\u0004 truncated');
    const z = await rejectsWith(readInput(join(tmp, 'bad.zip')), 'parse');
    expect((z as { file?: string }).file).to.equal(join(tmp, 'bad.zip'));
    await rejectsWith(
      writeOutput(new Map([['../escape.txt', 'x']]), join(tmp, 'out')),
      'invalid-type',
    );
    await rejectsWith(readInput(join(tmp, 'z.zip'), { zip: { maxEntries: 0 } }), 'limit');
  });
});
