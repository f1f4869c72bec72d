// The shared web-test-runner config plus a reporter that records pass/fail counts for the
// one-line summary of scripts/test.mjs. Run from the repository root.
import { defaultReporter } from '@web/test-runner';
import base from '../web-test-runner.config.mjs';
import { wtrCountReporter } from './test-counts.mjs';

const countsFile = process.env.ANNOTKIT_WTR_COUNTS;

// web-test-runner loads its config through the default export.
// eslint-disable-next-line no-restricted-syntax
export default {
  ...base,
  reporters: [defaultReporter(), ...(countsFile ? [wtrCountReporter(countsFile)] : [])],
};
