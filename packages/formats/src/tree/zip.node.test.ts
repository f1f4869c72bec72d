// Zip trees run under Node's test runner: jszip is CommonJS, which the browser test server
// does not transform yet (see CONTEXT.md).
import { describe, it } from 'node:test';
import { expect } from 'chai';
import JSZip from 'jszip';
import { treeFromZip, treeToZip } from './zip.js';
import { treeFromNodeDir } from './node.js';
import { rejectsWith } from '../util/testAssert.js';

describe('zip trees', () => {
  it('round-trips an output tree through a zip', async () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const zip = await treeToZip(
      new Map<string, Uint8Array | string>([
        ['a/b.txt', '\ufeffhéllo'],
        ['c.bin', bytes],
      ]),
    );
    const tree = await treeFromZip(zip);
    expect(tree.paths()).to.deep.equal(['a/b.txt', 'c.bin']);
    expect(await tree.readText('a/b.txt')).to.equal('héllo');
    expect(await tree.read('c.bin')).to.deep.equal(bytes);
    expect(tree.size('c.bin')).to.equal(4);
    expect(tree.has('nope')).to.equal(false);
    await rejectsWith(tree.read('nope'), 'parse');
  });

  it('ignores zip entries that escape the root', async () => {
    const z = new JSZip();
    z.file('../evil.txt', 'x', { createFolders: false });
    z.file('/abs.txt', 'x', { createFolders: false });
    z.file('ok/fine.txt', 'y', { createFolders: false });
    const tree = await treeFromZip(await z.generateAsync({ type: 'uint8array' }));
    expect(tree.paths()).to.deep.equal(['ok/fine.txt']);
  });

  it('bounds entry count, total size and entries that inflate past their declared size', async () => {
    const z = new JSZip();
    for (let i = 0; i < 3; i++) z.file(`f${i}.txt`, 'x'.repeat(20));
    const bytes = await z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    await rejectsWith(treeFromZip(bytes, { maxEntries: 2 }), 'limit');
    await rejectsWith(treeFromZip(bytes, { maxTotalSize: 50 }), 'limit');
    await rejectsWith(treeFromZip(bytes, { maxEntrySize: 10 }), 'limit');
    // A zip whose headers understate the size of an entry (a zip bomb's trick).
    const one = new JSZip();
    one.file('big.txt', 'y'.repeat(1000));
    const lie = await one.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const dv = new DataView(lie.buffer);
    for (let i = 0; i + 4 <= lie.length; i++) {
      const sig = dv.getUint32(i, true);
      if (sig === 0x04034b50) dv.setUint32(i + 22, 10, true);
      if (sig === 0x02014b50) dv.setUint32(i + 24, 10, true);
    }
    const tree = await treeFromZip(lie);
    expect(tree.size('big.txt')).to.equal(10);
    await rejectsWith(tree.read('big.txt'), 'limit');
  });

  it('rejects data that is not a zip', async () => {
    await rejectsWith(treeFromZip(new Uint8Array([1, 2, 3, 4, 5])), 'parse');
  });

  it('lists a Node directory', async () => {
    const tree = await treeFromNodeDir(
      `${process.env.ANNOTKIT_FIXTURES}/labelme_3.0/cvat-ai-datumaro/labelme_dataset`,
    );
    expect(tree.paths()).to.include('Masks/img1_mask_1.png');
    expect((await tree.readText('img1.xml')).startsWith('<annotation>')).to.equal(true);
  });
});
