/** `<annot-editor>`: the whole widget in its main states. */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { AnnotEditor } from '@annotkit/elements';
import { emptyDocument, frames, manyBoxes, rejectAll, streetDocument } from './data.js';
import { objectId } from '@annotkit/core';

interface EditorArgs {
  locale: string;
  theme: 'light' | 'dark';
}

/** Creates an editor at a usable size with the given setup. */
function editor(args: EditorArgs, setup?: (el: AnnotEditor) => void): AnnotEditor {
  const el = document.createElement('annot-editor');
  el.style.height = '600px';
  el.locale = args.locale;
  el.theme = args.theme;
  setup?.(el);
  return el;
}

const meta: Meta<EditorArgs> = {
  title: 'Elements/annot-editor',
  component: 'annot-editor',
  args: { locale: 'en', theme: 'light' },
  argTypes: {
    locale: { control: 'select', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
};
export default meta;

type Story = StoryObj<EditorArgs>;

/** No document yet: the tools are disabled and the lists are empty. */
export const Empty: Story = { render: (args) => editor(args) };

/** Labels and frames but no objects. */
export const EmptyDocument: Story = {
  render: (args) =>
    editor(args, (el) => {
      el.document = emptyDocument();
      el.media = frames();
    }),
};

/** A street document of three frames with three boxes. */
export const WithDocument: Story = {
  render: (args) =>
    editor(args, (el) => {
      el.document = streetDocument();
      el.media = frames();
    }),
};

/** The dark theme (`theme="dark"`). */
export const Dark: Story = {
  ...WithDocument,
  args: { theme: 'dark' },
  decorators: [
    (story) => {
      const wrapper = document.createElement('div');
      wrapper.style.background = '#111';
      wrapper.append(story() as Node);
      return wrapper;
    },
  ],
};

/** German UI strings (`locale="de"`). */
export const German: Story = { ...WithDocument, args: { locale: 'de' } };

/** An object selected: highlighted in the canvas and the list, its attributes editable. */
export const SelectedObject: Story = {
  render: (args) =>
    editor(args, (el) => {
      el.document = streetDocument();
      el.media = frames();
      el.controller.select([objectId(1)]);
    }),
};

/** 10,000 boxes on one frame: the list is virtualised, the canvas culls and batches. */
export const ManyObjects: Story = {
  render: (args) =>
    editor(args, (el) => {
      el.document = streetDocument(manyBoxes(10_000), 1);
      el.media = frames(1);
    }),
};

/** Controlled mode: the host's `transactionFilter` refuses every edit. */
export const ControlledRejectingEdits: Story = {
  render: (args) =>
    editor(args, (el) => {
      el.document = streetDocument();
      el.media = frames();
      el.transactionFilter = rejectAll;
      el.addEventListener('annot-transaction-reject', () => {
        el.dataset['rejected'] = String(Number(el.dataset['rejected'] ?? 0) + 1);
      });
    }),
};
