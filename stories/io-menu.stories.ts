/** `<annot-io-menu>` standalone: The import/export menu. */
import type { Meta } from '@storybook/web-components-vite';
import { partStories } from './parts.js';

const meta: Meta = {
  title: 'Elements/annot-io-menu',
  component: 'annot-io-menu',
};
export default meta;

const stories = partStories('annot-io-menu', { style: 'width:360px;' });

/** No document: nothing to show or edit. */
export const Empty = stories.Empty;
/** Bound to a controller holding the street document. */
export const WithDocument = stories.WithDocument;
/** Dark theme variables. */
export const Dark = stories.Dark;
/** German UI strings. */
export const German = stories.German;
/** Object #1 selected. */
export const SelectedObject = stories.SelectedObject;
/** Controlled mode: the host refuses every edit. */
export const ControlledRejectingEdits = stories.ControlledRejectingEdits;
