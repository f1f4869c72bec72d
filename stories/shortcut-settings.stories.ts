/** `<annot-shortcut-settings>` standalone: users remap the keyboard shortcuts. */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { partStories } from './parts.js';
import { part } from './render.js';
import { controllerFor, streetDocument } from './data.js';

const meta: Meta = {
  title: 'Elements/annot-shortcut-settings',
  component: 'annot-shortcut-settings',
};
export default meta;

const stories = partStories('annot-shortcut-settings', { style: 'width:640px;' });

/** No document: the keys can be remapped before anything is loaded. */
export const Empty = stories.Empty;
/** Bound to a controller holding the street document. */
export const WithDocument = stories.WithDocument;
/** Dark theme variables. */
export const Dark = stories.Dark;
/** German UI strings. */
export const German = stories.German;
/** Object #1 selected (the settings do not depend on it). */
export const SelectedObject = stories.SelectedObject;
/** Controlled mode: edits are refused, remapping keys still works (keys are not document data). */
export const ControlledRejectingEdits = stories.ControlledRejectingEdits;

/** Already remapped: undo on Ctrl+U as well, hide unbound, so "not bound" and extra keys show. */
export const Remapped: StoryObj = {
  render: () => {
    const c = controllerFor(streetDocument());
    c.setShortcuts({ undo: ['Ctrl+Z', 'Ctrl+U'], hide: [] });
    return part('annot-shortcut-settings', c, { style: 'width:640px;' });
  },
};
