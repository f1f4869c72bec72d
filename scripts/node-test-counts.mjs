// A node:test reporter that emits `{ passed, failed, skipped }` as JSON at the end of the run.
// Suites (describe blocks) are not counted, only the tests inside them.
// Node loads reporters through their default export.
// eslint-disable-next-line no-restricted-syntax
export default async function* nodeTestCounts(source) {
  const acc = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const data = event.data;
    if (data.details?.type === 'suite') {
      // A suite that fails outside its tests (e.g. a hook or a load error) still counts once.
      if (event.type === 'test:fail' && data.details.error?.failureType !== 'subtestsFailed') {
        acc.failed++;
      }
      continue;
    }
    if (data.skip !== undefined || data.todo !== undefined) acc.skipped++;
    else if (event.type === 'test:pass') acc.passed++;
    else acc.failed++;
  }
  yield `${JSON.stringify(acc)}\n`;
}
