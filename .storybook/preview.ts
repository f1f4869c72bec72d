/**
 * Preview setup: defines every element (importing the package entry) and hands Storybook the
 * Custom Elements Manifest, so each story's controls list the element's attributes, properties,
 * events, parts and CSS custom properties.
 */
import '@annotkit/elements';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import manifest from 'virtual:annotkit-manifest';

setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
  },
};

export default preview;
