// One shared web-test-runner config for every package. `scripts/test.mjs` picks the files.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumPath, chromiumArgs } from './scripts/chromium.mjs';
import { fixturesMiddleware } from './scripts/fixtures-middleware.mjs';

const JSZIP_UMD = '/node_modules/jszip/dist/jszip.min.js';
const pkg = process.env.ANNOTKIT_TEST_PACKAGE;
const files = pkg ? [`packages/${pkg}/src/**/*.test.ts`] : ['packages/*/src/**/*.test.ts'];

export default {
  files: [...files, '!packages/*/src/**/*.node.test.ts', '!**/node_modules/**'],
  nodeResolve: { exportConditions: ['source', 'browser', 'import'] },
  rootDir: '.',
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 10 * 60 * 1000,
  testFramework: { config: { timeout: 60000 } },
  middleware: [fixturesMiddleware],
  plugins: [
    // jszip ships CommonJS only: serve its self-contained UMD build wrapped as an ES module.
    {
      name: 'jszip-browser',
      resolveImport({ source }) {
        return source === 'jszip' ? JSZIP_UMD : undefined;
      },
      transform(context) {
        if (context.path !== JSZIP_UMD) return undefined;
        return {
          body: `const module = { exports: {} };
const exports = module.exports;
${context.body}
export default module.exports;
`,
        };
      },
    },
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs },
    }),
  ],
};
