/**
 * Test helper shared by browser and Node tests: awaits a promise that must reject with an
 * `AnnotkitError` of a given code. Not exported from the package.
 */
import { expect } from 'chai';
import { isAnnotkitError } from '@annotkit/core';

/** Awaits `p`, which must reject with an `AnnotkitError` whose code is `code`; returns it. */
export async function rejectsWith(p: Promise<unknown>, code: string): Promise<Error> {
  try {
    await p;
  } catch (e) {
    expect(isAnnotkitError(e), String(e)).to.equal(true);
    expect((e as { code: string }).code).to.equal(code);
    return e as Error;
  }
  return expect.fail(`expected an AnnotkitError ${code}`);
}
