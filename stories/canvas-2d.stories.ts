/** `<annot-canvas-2d>` standalone: The 2D canvas of one frame (Konva); drawing and editing tools dispatch through the controller. */
import type { Meta } from '@storybook/web-components-vite';
import { partStories } from './parts.js';

const meta: Meta = {
  title: 'Elements/annot-canvas-2d',
  component: 'annot-canvas-2d',
};
export default meta;

const stories = partStories('annot-canvas-2d', { style: 'height:480px;', withMedia: true });

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
