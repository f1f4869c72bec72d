/**
 * The editable copy of one label that `<annot-label-editor>` works on, and its conversion back
 * into a core `Label` inside a transaction.
 *
 * Design notes (why, not what):
 * - The form edits a draft, not the document: a label is saved as one transaction (one undo
 *   step, one call of the host's filter) however many fields changed, and an invalid
 *   intermediate state (an empty name while typing) never reaches the document.
 * - New attributes and skeleton points have no ids until saved: ids come from the transaction
 *   (`newAttributeId`/`newLabelId`), so they never collide with ids the document has used.
 *   Points are referred to by a local `key` meanwhile (edges included).
 * - Removing an attribute also removes its values from the objects of the label in the same
 *   transaction; otherwise core would refuse the label (values of an unknown attribute). Other
 *   changes that objects no longer fit (a narrower shape type, fewer skeleton points, a value
 *   that left a select list) are refused by core's validation and shown to the user.
 */
import { attributeId } from '@annotkit/core';
import type {
  AnnotationObject,
  AttributeInputType,
  AttributeSpec,
  AttributeValues,
  Geometry,
  Label,
  LabelId,
  LabelType,
  Sublabel,
  Writer,
} from '@annotkit/core';

/** One attribute spec being edited. */
export interface AttributeDraft {
  /** Local key (stable while editing). */
  readonly key: number;
  /** The spec's id; undefined until saved. */
  readonly id: AttributeSpec['id'] | undefined;
  readonly name: string;
  readonly inputType: AttributeInputType;
  readonly mutable: boolean;
  /** select/radio: the values, comma-separated. */
  readonly values: string;
  /** number: `[min, max, step]` as typed. */
  readonly min: string;
  readonly max: string;
  readonly step: string;
  readonly default: string;
}

/** One skeleton point being edited. */
export interface PointDraft {
  /** Local key (edges refer to it). */
  readonly key: number;
  /** The sublabel's id; undefined until saved. */
  readonly id: LabelId | undefined;
  readonly name: string;
  readonly color: string;
  /** Template position in [0, 1]² of the skeleton's box. */
  readonly x: number;
  readonly y: number;
  /** The sublabel's attribute specs (CVAT: each skeleton point may have its own). */
  readonly attributes: readonly AttributeDraft[];
}

/** A label being edited. */
export interface LabelDraft {
  /** The label's id; undefined for a label not saved yet. */
  readonly id: LabelId | undefined;
  readonly name: string;
  readonly color: string;
  readonly type: LabelType;
  readonly attributes: readonly AttributeDraft[];
  readonly points: readonly PointDraft[];
  /** Edges as pairs of point keys. */
  readonly edges: readonly (readonly [number, number])[];
}

/** Label types offered in the type menu, in display order. */
export const LABEL_TYPES: readonly LabelType[] = [
  'any',
  'rectangle',
  'polygon',
  'polyline',
  'points',
  'ellipse',
  'cuboid',
  'cuboid3d',
  'skeleton',
  'mask',
  'tag',
];

/** Attribute input types, in display order. */
export const INPUT_TYPES: readonly AttributeInputType[] = [
  'select',
  'radio',
  'checkbox',
  'number',
  'text',
];

/** Colours given to new labels and points, in turn. */
export const PALETTE: readonly string[] = [
  '#ff3b30',
  '#34c759',
  '#0a84ff',
  '#ff9f0a',
  '#af52de',
  '#5ac8fa',
  '#ffcc00',
  '#ff2d55',
  '#8e8e93',
  '#30b0c7',
];

let keySeed = 0;
/** A fresh local key (only compared within one draft, so a counter is enough). */
export const nextKey = (): number => ++keySeed;

/** The draft of an attribute spec. */
export function attributeDraft(spec: AttributeSpec): AttributeDraft {
  const isNumber = spec.inputType === 'number';
  return {
    key: nextKey(),
    id: spec.id,
    name: spec.name,
    inputType: spec.inputType,
    mutable: spec.mutable,
    values: spec.inputType === 'select' || spec.inputType === 'radio' ? spec.values.join(', ') : '',
    min: isNumber ? (spec.values[0] ?? '0') : '0',
    max: isNumber ? (spec.values[1] ?? '100') : '100',
    step: isNumber ? (spec.values[2] ?? '1') : '1',
    default: spec.default,
  };
}

/** A new attribute (text input, mutable, empty default). */
export function newAttributeDraft(name: string): AttributeDraft {
  return {
    key: nextKey(),
    id: undefined,
    name,
    inputType: 'text',
    mutable: true,
    values: '',
    min: '0',
    max: '100',
    step: '1',
    default: '',
  };
}

/** The draft of a label. */
export function labelDraft(label: Label): LabelDraft {
  const keys = new Map<LabelId, number>();
  const points = (label.sublabels ?? []).map((s, i): PointDraft => {
    const key = nextKey();
    keys.set(s.id, key);
    // Without a template position, spread the points on a circle (as the drawing tool does).
    const a = (2 * Math.PI * i) / Math.max(1, label.sublabels!.length);
    const [x, y] = s.position ?? [0.5 + 0.4 * Math.cos(a), 0.5 + 0.4 * Math.sin(a)];
    const attributes = s.attributes.map(attributeDraft);
    return { key, id: s.id, name: s.name, color: s.color, x, y, attributes };
  });
  const edges = (label.edges ?? []).flatMap(([a, b]) => {
    const ka = keys.get(a);
    const kb = keys.get(b);
    return ka !== undefined && kb !== undefined ? [[ka, kb] as const] : [];
  });
  return {
    id: label.id,
    name: label.name,
    color: label.color,
    type: label.type,
    attributes: label.attributes.map(attributeDraft),
    points,
    edges,
  };
}

const splitValues = (text: string): string[] =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** The spec of an attribute draft; a new one gets its id from `tx`. */
export function buildAttribute(d: AttributeDraft, tx: Writer): AttributeSpec {
  const id = d.id ?? attributeId(tx.newAttributeId());
  let values: string[];
  let dflt = d.default;
  switch (d.inputType) {
    case 'select':
    case 'radio':
      values = splitValues(d.values);
      if (dflt === '' || !values.includes(dflt)) dflt = values[0] ?? '';
      break;
    case 'checkbox':
      values = ['false'];
      dflt = dflt === 'true' ? 'true' : 'false';
      break;
    case 'number':
      values = [d.min.trim(), d.max.trim(), d.step.trim()];
      if (dflt.trim() === '') dflt = values[0]!;
      break;
    case 'text':
      values = [];
      break;
  }
  return {
    id,
    name: d.name.trim(),
    inputType: d.inputType,
    mutable: d.mutable,
    values,
    default: dflt.trim(),
  };
}

/** The label of a draft, with ids for everything new allocated from `tx`. */
export function buildLabel(d: LabelDraft, tx: Writer): Label {
  const id = d.id ?? tx.newLabelId();
  const attributes = d.attributes.map((a) => buildAttribute(a, tx));
  const base = { kind: 'label' as const, id, name: d.name.trim(), color: d.color, type: d.type };
  if (d.type !== 'skeleton') return { ...base, attributes };
  const ids = new Map<number, LabelId>();
  const sublabels = d.points.map((p): Sublabel => {
    const sid = p.id ?? tx.newLabelId();
    ids.set(p.key, sid);
    const clamp = (v: number) => Math.min(1, Math.max(0, Math.round(v * 1e4) / 1e4));
    return {
      id: sid,
      name: p.name.trim(),
      color: p.color,
      attributes: p.attributes.map((a) => buildAttribute(a, tx)),
      position: [clamp(p.x), clamp(p.y)],
    };
  });
  const edges = d.edges.flatMap(([a, b]) => {
    const ia = ids.get(a);
    const ib = ids.get(b);
    return ia !== undefined && ib !== undefined ? [[ia, ib] as const] : [];
  });
  return { ...base, attributes, sublabels, edges };
}

const without = (values: AttributeValues, removed: ReadonlySet<number>): AttributeValues => {
  let changed = false;
  const out: { [id: number]: string } = {};
  for (const [k, v] of Object.entries(values)) {
    if (removed.has(Number(k))) changed = true;
    else out[Number(k)] = v;
  }
  return changed ? out : values;
};

/** A skeleton without values of the `removed` ids on its points; other geometry as it is. */
function withoutElementAttributes(g: Geometry, removed: ReadonlySet<number>): Geometry {
  if (g.type !== 'skeleton') return g;
  let changed = false;
  const elements = g.elements.map((el) => {
    const attributes = without(el.attributes, removed);
    if (attributes === el.attributes) return el;
    changed = true;
    return { ...el, attributes };
  });
  return changed ? { ...g, elements } : g;
}

/**
 * The object without values of the `removed` attribute ids (shape/tag values, track values,
 * keyframe values, and the values of skeleton points). Returns the same object when it held
 * none.
 */
export function withoutAttributes(
  o: AnnotationObject,
  removed: ReadonlySet<number>,
): AnnotationObject {
  if (removed.size === 0) return o;
  const attributes = without(o.attributes, removed);
  if (o.kind === 'tag') return attributes === o.attributes ? o : { ...o, attributes };
  if (o.kind === 'shape') {
    const geometry = withoutElementAttributes(o.geometry, removed);
    return attributes === o.attributes && geometry === o.geometry
      ? o
      : { ...o, attributes, geometry };
  }
  let changed = attributes !== o.attributes;
  const keyframes = o.keyframes.map((k) => {
    const a = without(k.attributes, removed);
    const geometry = withoutElementAttributes(k.geometry, removed);
    if (a === k.attributes && geometry === k.geometry) return k;
    changed = true;
    return { ...k, attributes: a, geometry };
  });
  return changed ? { ...o, attributes, keyframes } : o;
}

/**
 * Where to show a validation error of a saved label: `'name'`, `'color'`, `'type'`,
 * `'attr:<index>'`, `'point:<point>:attr:<index>'`, `'skeleton'`, or `'form'` (anything else, e.g. an object that no longer
 * fits). `index` is the label's position in the document's label list after the change.
 */
export function errorField(path: readonly (string | number)[], index: number): string {
  if (path[0] !== 'labels') return 'form';
  // Core names the second of two equal names; only the edited label changed, so it is ours.
  if (path[2] === 'name' && path.length === 3) return 'name';
  if (path[1] !== index) return 'form';
  const field = path[2];
  if (field === 'name' || field === 'color' || field === 'type') return field;
  if (field === 'attributes' && typeof path[3] === 'number') return `attr:${path[3]}`;
  if (field === 'sublabels' && path[4] === 'attributes' && typeof path[5] === 'number') {
    return `point:${String(path[3])}:attr:${path[5]}`;
  }
  if (field === 'sublabels' || field === 'edges') return 'skeleton';
  return 'form';
}
