/** `<annot-help>` standalone: The keyboard shortcut help overlay. */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { partStories } from './parts.js';
import { part } from './render.js';
import { controllerFor, streetDocument } from './data.js';

const meta: Meta = {
  title: 'Elements/annot-help',
  component: 'annot-help',
};
export default meta;

const stories = partStories('annot-help', { style: 'width:520px;' });

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

/** Open, switched to the shortcut settings ("Change shortcuts" in the dialog header). */
export const Customising: StoryObj = {
  render: () => {
    const wrapper = part('annot-help', controllerFor(streetDocument()), { style: 'width:520px;' });
    const help = wrapper.querySelector('annot-help')!;
    void help.show().then(async () => {
      help.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="customise"]')!.click();
      await help.updateComplete;
    });
    return wrapper;
  },
};
