/** `<annot-object-list>` standalone: The virtualised object list of the current frame. */
import type { Meta } from '@storybook/web-components-vite';
import { controllerFor, manyBoxes, streetDocument } from './data.js';
import { partStories } from './parts.js';
import { part } from './render.js';

const meta: Meta = {
  title: 'Elements/annot-object-list',
  component: 'annot-object-list',
};
export default meta;

const stories = partStories('annot-object-list', { style: 'width:320px;height:400px;' });

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

/** 10,000 rows: only the visible window (plus overscan) is in the DOM. */
export const ManyObjects = {
  render: () =>
    part('annot-object-list', controllerFor(streetDocument(manyBoxes(10_000), 1)), {
      style: 'width:320px;height:400px;',
    }),
};
