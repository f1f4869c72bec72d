// Test-count reporters for scripts/test.mjs: one for web-test-runner and one for node's test
// runner. Both write `{ passed, failed, skipped }` as JSON so the runner can print one total.
import { writeFileSync } from 'node:fs';

/** Counts the results of one web-test-runner suite tree into `acc`. */
function countSuite(suite, acc) {
  for (const t of suite.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suite.suites ?? []) countSuite(s, acc);
}

/**
 * A web-test-runner reporter that writes pass/fail/skip counts to `outFile` when the run ends.
 * A test file that failed without reporting a failing test (a load error, an uncaught error
 * outside tests) counts as one failure.
 */
export function wtrCountReporter(outFile) {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const before = acc.failed;
        if (session.testResults) countSuite(session.testResults, acc);
        if (!session.passed && acc.failed === before) acc.failed++;
      }
      writeFileSync(outFile, JSON.stringify(acc));
    },
  };
}

/**
 * A node:test reporter (pass as `--test-reporter=./scripts/node-test-counts.mjs`) lives in
 * node-test-counts.mjs; this helper adds two count objects.
 */
export function addCounts(a, b) {
  return {
    passed: a.passed + b.passed,
    failed: a.failed + b.failed,
    skipped: a.skipped + b.skipped,
  };
}
