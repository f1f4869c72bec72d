import { expect } from 'chai';
import { AnnotkitError, formatPath, isAnnotkitError } from './errors.js';

describe('AnnotkitError', () => {
  it('carries code, path, file and line in its message', () => {
    const e = new AnnotkitError('point-count', 'polygon needs at least 3 points', {
      path: ['objects', 3, 'geometry', 'points'],
      file: 'annotations.xml',
      line: 12,
    });
    expect(e.code).to.equal('point-count');
    expect(e.message).to.equal(
      'annotations.xml:12 objects[3].geometry.points: polygon needs at least 3 points',
    );
    expect(e.detail).to.equal('polygon needs at least 3 points');
    expect(isAnnotkitError(e, 'point-count')).to.equal(true);
    expect(isAnnotkitError(e, 'parse')).to.equal(false);
    expect(isAnnotkitError(new Error('x'))).to.equal(false);
  });
  it('formats paths', () => {
    expect(formatPath(['a', 0, 'b'])).to.equal('a[0].b');
    expect(formatPath([])).to.equal('');
  });
});
