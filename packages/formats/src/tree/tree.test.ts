import { expect } from 'chai';
import { treeFromFiles } from './files.js';
import { treeFromMap } from './memory.js';
import { normalizeEntryPath } from './paths.js';

describe('file trees', () => {
  it('normalises entry paths and ignores traversal and absolute names', () => {
    expect(normalizeEntryPath('a\\b/./c.txt')).to.equal('a/b/c.txt');
    expect(normalizeEntryPath('../evil')).to.equal(undefined);
    expect(normalizeEntryPath('a/../../evil')).to.equal(undefined);
    expect(normalizeEntryPath('/etc/passwd')).to.equal(undefined);
    expect(normalizeEntryPath('C:\\x')).to.equal(undefined);
  });

  it('reads browser File lists and strips a dropped folder name', async () => {
    const a = new File(['<annotations/>'], 'annotations.xml');
    const b = new File([new Uint8Array([1, 2])], 'a.png');
    Object.defineProperty(a, 'webkitRelativePath', { value: 'set/annotations.xml' });
    Object.defineProperty(b, 'webkitRelativePath', { value: 'set/images/a.png' });
    const tree = treeFromFiles([a, b]);
    expect(tree.paths()).to.deep.equal(['annotations.xml', 'images/a.png']);
    expect(await tree.readText('annotations.xml')).to.equal('<annotations/>');
    expect(tree.size('images/a.png')).to.equal(2);
    expect(treeFromFiles([new File(['x'], 'loose.txt')]).paths()).to.deep.equal(['loose.txt']);
  });

  it('in-memory trees drop unsafe names', () => {
    expect(treeFromMap({ '../x': 'a', 'y/z': 'b' }).paths()).to.deep.equal(['y/z']);
  });
});
