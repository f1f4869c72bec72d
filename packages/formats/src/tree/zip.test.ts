import { expect } from 'chai';
import { treeFromMap } from './memory.js';
import { treeFromZip, treeToZip } from './zip.js';

describe('zip trees in the browser', () => {
  it('writes and reads back a zip', async () => {
    const out = new Map<string, Uint8Array | string>([
      ['annotations.xml', '<annotations/>'],
      ['images/a.bin', new Uint8Array([1, 2, 3])],
    ]);
    const bytes = await treeToZip(out);
    const tree = await treeFromZip(bytes);
    expect(tree.paths()).to.deep.equal(['annotations.xml', 'images/a.bin']);
    expect(await tree.readText('annotations.xml')).to.equal('<annotations/>');
    expect(Array.from(await tree.read('images/a.bin'))).to.deep.equal([1, 2, 3]);
    expect(treeFromMap(new Map()).paths()).to.deep.equal([]);
  });
});
