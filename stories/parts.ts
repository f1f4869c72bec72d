/**
 * The standard states of a part shown standalone (bound to its own controller): empty, with a
 * document, dark, German, with a selected object, and controlled (every edit refused). Each
 * part's stories file re-exports these, adding states of its own.
 */
import type { StoryObj } from '@storybook/web-components-vite';
import type { PartOptions } from './render.js';
import { DARK_VARS, part } from './render.js';
import { controllerFor, frames, rejectAll, streetDocument } from './data.js';

/** The stories every part has. */
export interface PartStories {
  readonly Empty: StoryObj;
  readonly WithDocument: StoryObj;
  readonly Dark: StoryObj;
  readonly German: StoryObj;
  readonly SelectedObject: StoryObj;
  readonly ControlledRejectingEdits: StoryObj;
}

/** Builds the standard stories of `tag`; `withMedia` also passes frames (the canvas). */
export function partStories(
  tag: keyof HTMLElementTagNameMap,
  options: PartOptions & { readonly withMedia?: boolean } = {},
): PartStories {
  const props = (): Record<string, unknown> => ({
    ...options.props,
    ...(options.withMedia ? { media: frames() } : {}),
  });
  const style = options.style ?? '';
  return {
    Empty: { render: () => part(tag, controllerFor(null), { style, props: options.props }) },
    WithDocument: {
      render: () => part(tag, controllerFor(streetDocument()), { style, props: props() }),
    },
    Dark: {
      render: () =>
        part(tag, controllerFor(streetDocument(), { select: [1] }), {
          style: `${style};background:#1c1c1e;color:#f2f2f7;${DARK_VARS}`,
          props: props(),
        }),
    },
    German: {
      render: () =>
        part(tag, controllerFor(streetDocument(), { lang: 'de' }), { style, props: props() }),
    },
    SelectedObject: {
      render: () =>
        part(tag, controllerFor(streetDocument(), { select: [1] }), { style, props: props() }),
    },
    ControlledRejectingEdits: {
      render: () =>
        part(tag, controllerFor(streetDocument(), { select: [1], transactionFilter: rejectAll }), {
          style,
          props: props(),
        }),
    },
  };
}
