/**
 * Storybook for @annotkit/elements (stories in stories/). Everything works offline: telemetry,
 * crash reports, the "what's new" feed and the version check are off (the npm scripts also set
 * STORYBOOK_DISABLE_TELEMETRY and pass --no-version-updates to the dev server), and the manager
 * ships its own fonts. @annotkit/* resolve to their TypeScript sources (`source` condition),
 * so no package build is needed, and the Custom Elements Manifest is generated on the fly from
 * the same sources (virtual module `virtual:annotkit-manifest`), so argTypes never go stale.
 */
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';
import { defaultClientConditions } from 'vite';
import { generateManifest } from '../scripts/custom-elements.mjs';

const MANIFEST_ID = 'virtual:annotkit-manifest';

/** Serves the manifest generated from packages/elements/src as a JSON module. */
const manifestPlugin: Plugin = {
  name: 'annotkit-manifest',
  resolveId: (id) => (id === MANIFEST_ID ? `\0${MANIFEST_ID}` : null),
  // The filter keeps the bundler from calling into JavaScript for every other module.
  load: {
    filter: { id: new RegExp(`^\0${MANIFEST_ID}$`) },
    handler: () => `export default ${JSON.stringify(generateManifest())};`,
  },
};

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: {
    disableTelemetry: true,
    enableCrashReports: false,
    disableWhatsNewNotifications: true,
  },
  async viteFinal(viteConfig) {
    return {
      ...viteConfig,
      plugins: [...(viteConfig.plugins ?? []), manifestPlugin],
      resolve: {
        ...viteConfig.resolve,
        conditions: ['source', ...defaultClientConditions],
      },
    };
  },
};

export default config;
