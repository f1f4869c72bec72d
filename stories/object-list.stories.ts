/** `<annot-object-list>` standalone: The virtualised object list of the current frame. */
import type { Meta } from '@storybook/web-components-vite';
import { attributeId, createDocument, labelId, objectId } from '@annotkit/core';
import type { AnnotationDocument, Label } from '@annotkit/core';
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

/** Object #3 has its own colour, #1 is locked and #2 hidden (header toggles reflect them). */
export const ColoursAndViewState = {
  render: () => {
    const c = controllerFor(streetDocument());
    c.setColor([objectId(3)], '#ff9500');
    c.setLocked([objectId(1)], true);
    c.setHidden([objectId(2)], true);
    return part('annot-object-list', c, { style: 'width:320px;height:400px;' });
  },
};

/** The row menu of object #2 open (copy, propagate, front/back, colour, remove). */
export const RowMenuOpen = {
  render: () => {
    const wrapper = part('annot-object-list', controllerFor(streetDocument()), {
      style: 'width:320px;height:400px;',
    });
    const list = wrapper.querySelector('annot-object-list')!;
    // Opened after the first render, as a click on the row's "more" button does.
    void list.updateComplete.then(() => {
      list.shadowRoot!.querySelector<HTMLElement>('[data-id="2"] [data-action="more"]')!.click();
    });
    return wrapper;
  },
};

const POSE = labelId(90);
const HEAD = labelId(91);
const HAND = labelId(92);
const VISIBLE = attributeId(95);
const SIDE = attributeId(96);

/** A pose skeleton whose points carry attributes of their own (CVAT's sublabel attributes). */
function poseDocument(): AnnotationDocument {
  const visible = {
    id: VISIBLE,
    name: 'visible',
    inputType: 'checkbox',
    mutable: true,
    values: ['true'],
    default: 'true',
  } as const;
  const pose: Label = {
    kind: 'label',
    id: POSE,
    name: 'pose',
    color: '#aa00ff',
    type: 'skeleton',
    attributes: [],
    sublabels: [
      { id: HEAD, name: 'head', color: '#ff3b30', attributes: [visible] },
      {
        id: HAND,
        name: 'hand',
        color: '#0a84ff',
        attributes: [
          {
            id: SIDE,
            name: 'side',
            inputType: 'select',
            mutable: false,
            values: ['left', 'right'],
            default: 'left',
          },
        ],
      },
    ],
    edges: [[HEAD, HAND]],
  };
  return createDocument({
    media: { kind: 'images', frames: [{ name: 'pose.png', width: 640, height: 400 }] },
    labels: [pose],
    objects: [
      {
        kind: 'shape',
        id: objectId(1),
        label: POSE,
        frame: 0,
        geometry: {
          type: 'skeleton',
          elements: [
            { label: HEAD, x: 300, y: 80, occluded: false, outside: false, attributes: {} },
            {
              label: HAND,
              x: 360,
              y: 200,
              occluded: true,
              outside: false,
              attributes: { [SIDE]: 'right' },
            },
          ],
        },
        zOrder: 0,
        occluded: false,
        attributes: {},
        group: 0,
        source: 'manual',
      },
    ],
  });
}

/** An expanded skeleton: each point row is followed by its own attribute rows (one level deeper). */
export const SkeletonPointAttributes = {
  render: () => {
    const wrapper = part('annot-object-list', controllerFor(poseDocument()), {
      style: 'width:320px;height:400px;',
    });
    wrapper.querySelector('annot-object-list')!.setExpanded(objectId(1), true);
    return wrapper;
  },
};
