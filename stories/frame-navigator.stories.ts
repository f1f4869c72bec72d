/** `<annot-frame-navigator>` standalone: First/previous/next/last frame, step and a frame input. */
import type { Meta } from '@storybook/web-components-vite';
import { partStories } from './parts.js';

const meta: Meta = {
  title: 'Elements/annot-frame-navigator',
  component: 'annot-frame-navigator',
};
export default meta;

const stories = partStories('annot-frame-navigator', { style: '' });

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
