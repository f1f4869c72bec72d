import { expect } from 'chai';

describe('test fixtures mount', () => {
  it('serves shared fixtures at /__fixtures__/', async () => {
    const res = await fetch('/__fixtures__/SOURCES.md');
    expect(res.status).to.equal(200);
    expect((await res.text()).length).to.be.greaterThan(100);
    expect((await fetch('/__fixtures__/..%2f..%2fetc%2fpasswd')).status).to.not.equal(200);
  });
});
