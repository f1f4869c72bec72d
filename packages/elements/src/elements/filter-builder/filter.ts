/**
 * The object filter of the editor: rules combined in AND/OR groups (CVAT's filter builder), as
 * plain JSON.
 *
 * Design note. Core's `FrameFilter` is a flat AND of label / shape type / attribute predicates,
 * answered from keyframe intervals without resolving frames. The builder needs more: OR groups,
 * negation, object type, occluded, source, id, size (width, height) and score. So the filter is evaluated here, as a
 * predicate over resolved objects (`matchesFilter`), which is what the object list and the
 * canvas need anyway (they hold the resolved objects of one frame). For frame search,
 * `toFrameFilter` maps the filters core can express (an AND of positive label / shape type /
 * attribute rules, or an OR of labels or of shape types) to core's interval search; any other
 * filter falls back to resolving frame after frame with `frameState` (O(frames × objects),
 * which CVAT's own search also does as soon as a filter reads something beyond keyframes).
 */
import { frameState, searchFrame, shapeDefinition } from '@annotkit/core';
import type {
  AnnotationDocument,
  AttributeId,
  AttributeOp,
  AttributePredicate,
  FrameFilter,
  Label,
  LabelId,
  ObjectId,
  ResolvedObject,
  ShapeType,
  Source,
} from '@annotkit/core';

/** Operators of a rule on a value that is one of a set (label, types, source). */
export type SetOp = 'is' | 'isNot';
/** Numeric comparison operators (ids). */
export type NumberOp = '==' | '!=' | '<' | '>' | '<=' | '>=';
/** Kinds of object. */
export type ObjectKind = ResolvedObject['kind'];

/** One rule of a filter. */
export type FilterRule =
  | { readonly kind: 'rule'; readonly field: 'label'; readonly op: SetOp; readonly value: LabelId }
  | {
      readonly kind: 'rule';
      readonly field: 'shapeType';
      readonly op: SetOp;
      readonly value: ShapeType | 'tag';
    }
  | {
      readonly kind: 'rule';
      readonly field: 'objectType';
      readonly op: SetOp;
      readonly value: ObjectKind;
    }
  | {
      /** The object has label `label` and its value of `attribute` compares true. */
      readonly kind: 'rule';
      readonly field: 'attribute';
      readonly label: LabelId;
      readonly attribute: AttributeId;
      readonly op: AttributeOp;
      readonly value: string;
    }
  | { readonly kind: 'rule'; readonly field: 'occluded'; readonly value: boolean }
  | { readonly kind: 'rule'; readonly field: 'source'; readonly op: SetOp; readonly value: Source }
  | { readonly kind: 'rule'; readonly field: 'id'; readonly op: NumberOp; readonly value: number }
  | {
      /**
       * Width or height in image px of the object's axis-aligned bounds as drawn on this frame
       * (a rotated box counts with its rotated extent); tags never match.
       */
      readonly kind: 'rule';
      readonly field: 'width' | 'height';
      readonly op: NumberOp;
      readonly value: number;
    }
  | {
      /** The detector's score; objects without one (drawn by hand) never match. */
      readonly kind: 'rule';
      readonly field: 'score';
      readonly op: NumberOp;
      readonly value: number;
    };

/** A field a rule can test. */
export type FilterField = FilterRule['field'];

/** Rules (and nested groups) combined with AND or OR. An empty group matches everything. */
export interface FilterGroup {
  readonly kind: 'group';
  readonly combinator: 'and' | 'or';
  readonly rules: readonly (FilterRule | FilterGroup)[];
}

/** The editor's object filter: the root group. */
export type ObjectFilter = FilterGroup;

const numeric = (actual: string, expected: string): [number, number] | undefined => {
  if (actual.trim() === '' || expected.trim() === '') return undefined;
  const a = Number(actual);
  const b = Number(expected);
  return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : undefined;
};

/**
 * Compares an attribute value like core's `searchFrame` does: `==`, `!=`, `contains` on strings;
 * `<`, `>`, `<=`, `>=` on numbers (false when either side is not a finite number).
 */
export function compareValue(actual: string, op: AttributeOp, expected: string): boolean {
  if (op === '==') return actual === expected;
  if (op === '!=') return actual !== expected;
  if (op === 'contains') return actual.includes(expected);
  const n = numeric(actual, expected);
  if (!n) return false;
  const [a, b] = n;
  return op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
}

const compareNumber = (a: number, op: NumberOp, b: number): boolean =>
  op === '=='
    ? a === b
    : op === '!='
      ? a !== b
      : op === '<'
        ? a < b
        : op === '>'
          ? a > b
          : op === '<='
            ? a <= b
            : a >= b;

const typeOf = (o: ResolvedObject): ShapeType | 'tag' =>
  o.kind === 'tag' ? 'tag' : (o.geometry?.type ?? 'tag');

function ruleMatches(
  rule: FilterRule,
  o: ResolvedObject,
  labels: ReadonlyMap<LabelId, Label>,
): boolean {
  const set = (op: SetOp, equal: boolean): boolean => (op === 'is' ? equal : !equal);
  switch (rule.field) {
    case 'label':
      return set(rule.op, o.label === rule.value);
    case 'shapeType':
      return set(rule.op, typeOf(o) === rule.value);
    case 'objectType':
      return set(rule.op, o.kind === rule.value);
    case 'source':
      return set(rule.op, o.source === rule.value);
    case 'occluded':
      return o.occluded === rule.value;
    case 'id':
      return compareNumber(o.id, rule.op, rule.value);
    case 'width':
    case 'height': {
      if (!o.geometry) return false;
      const b = shapeDefinition(o.geometry.type).bounds(o.geometry);
      const size = rule.field === 'width' ? b.maxX - b.minX : b.maxY - b.minY;
      return compareNumber(size, rule.op, rule.value);
    }
    case 'score':
      return o.score !== undefined && compareNumber(o.score, rule.op, rule.value);
    case 'attribute': {
      if (o.label !== rule.label) return false;
      const spec = labels.get(o.label)?.attributes.find((a) => a.id === rule.attribute);
      if (!spec) return false;
      return compareValue(o.attributes[rule.attribute] ?? spec.default, rule.op, rule.value);
    }
  }
}

/** True when resolved object `o` satisfies the group (`labels` by id, for attribute specs). */
export function matchesFilter(
  filter: FilterGroup,
  o: ResolvedObject,
  labels: ReadonlyMap<LabelId, Label>,
): boolean {
  if (filter.rules.length === 0) return true;
  const test = (r: FilterRule | FilterGroup): boolean =>
    r.kind === 'group' ? matchesFilter(r, o, labels) : ruleMatches(r, o, labels);
  return filter.combinator === 'and' ? filter.rules.every(test) : filter.rules.some(test);
}

/** True when the filter has no rule at all (it matches every object). */
export function isEmptyFilter(filter: FilterGroup | null | undefined): boolean {
  if (!filter) return true;
  return filter.rules.every((r) => r.kind === 'group' && isEmptyFilter(r));
}

/** Labels of a document by id. */
export function labelMap(doc: AnnotationDocument): Map<LabelId, Label> {
  return new Map(doc.labels().map((l) => [l.id, l]));
}

/** Intersection of two optional "one of" lists (undefined = no constraint). */
function intersect<T>(a: readonly T[] | undefined, b: readonly T[]): T[] {
  return a === undefined ? [...b] : a.filter((x) => b.includes(x));
}

/**
 * The same filter as core's `FrameFilter`, when core can express it: an AND group (nested AND
 * groups flattened) of `label is`, `shapeType is` and attribute rules, or an OR group whose
 * rules are all `label is` or all `shapeType is`. Undefined otherwise (and for an empty filter).
 */
export function toFrameFilter(filter: FilterGroup): FrameFilter | undefined {
  if (isEmptyFilter(filter)) return undefined;
  const rules = filter.rules;
  if (filter.combinator === 'or' && rules.length > 1) {
    if (rules.every((r) => r.kind === 'rule' && r.field === 'label' && r.op === 'is')) {
      return { labels: rules.map((r) => (r as { value: LabelId }).value) };
    }
    if (rules.every((r) => r.kind === 'rule' && r.field === 'shapeType' && r.op === 'is')) {
      return { shapeTypes: rules.map((r) => (r as { value: ShapeType | 'tag' }).value) };
    }
    return undefined;
  }
  let labels: LabelId[] | undefined;
  let shapeTypes: (ShapeType | 'tag')[] | undefined;
  const attributes: AttributePredicate[] = [];
  const visit = (r: FilterRule | FilterGroup): boolean => {
    if (r.kind === 'group') {
      if (r.combinator === 'or' && r.rules.length > 1) return false;
      return r.rules.every(visit);
    }
    if (r.field === 'label' && r.op === 'is') labels = intersect(labels, [r.value]);
    else if (r.field === 'shapeType' && r.op === 'is') {
      shapeTypes = intersect(shapeTypes, [r.value]);
    } else if (r.field === 'attribute') {
      labels = intersect(labels, [r.label]);
      attributes.push({ id: r.attribute, op: r.op, value: r.value });
    } else return false;
    return true;
  };
  if (!rules.every(visit)) return undefined;
  return {
    ...(labels ? { labels } : {}),
    ...(shapeTypes ? { shapeTypes } : {}),
    ...(attributes.length > 0 ? { attributes } : {}),
  };
}

/**
 * The nearest frame after (`direction = 1`) or before (`-1`) `from` with at least one visible
 * object matching `filter`, or null. Without a filter (null or empty) this is the nearest frame
 * with any object, as CVAT's search with no filter skips empty frames.
 */
export function searchMatchingFrame(
  doc: AnnotationDocument,
  from: number,
  direction: 1 | -1,
  filter: FilterGroup | null,
): number | null {
  if (!filter || isEmptyFilter(filter)) {
    return searchFrame(doc, from, direction, { emptyFrame: false });
  }
  const core = toFrameFilter(filter);
  if (core) return searchFrame(doc, from, direction, core);
  const labels = labelMap(doc);
  const last = doc.media.frames.length - 1;
  for (let f = from + direction; f >= 0 && f <= last; f += direction) {
    if (frameState(doc, f).objects.some((o) => matchesFilter(filter, o, labels))) return f;
  }
  return null;
}

/** The nearest frame after/before `from` without any visible object (core's `emptyFrame`). */
export function searchEmptyFrame(
  doc: AnnotationDocument,
  from: number,
  direction: 1 | -1,
): number | null {
  return searchFrame(doc, from, direction, { emptyFrame: true });
}

/**
 * Ids of the objects on `frame` that `filter` leaves out (what the canvas hides). Empty for an
 * empty filter. Cached for the last (document version, frame, filter) asked, because the list
 * and the canvas ask the same question after every change.
 */
export function filteredOutIds(
  doc: AnnotationDocument,
  frame: number,
  filter: FilterGroup | null,
): ReadonlySet<ObjectId> {
  if (!filter || isEmptyFilter(filter) || frame < 0 || frame >= doc.media.frames.length) {
    return EMPTY;
  }
  const hit = outCache.get(doc);
  if (hit && hit.version === doc.version && hit.frame === frame && hit.filter === filter) {
    return hit.ids;
  }
  const labels = labelMap(doc);
  const ids = new Set<ObjectId>();
  for (const o of frameState(doc, frame).objects) {
    if (!matchesFilter(filter, o, labels)) ids.add(o.id);
  }
  outCache.set(doc, { version: doc.version, frame, filter, ids });
  return ids;
}

const EMPTY: ReadonlySet<ObjectId> = new Set();
const outCache = new WeakMap<
  AnnotationDocument,
  { version: number; frame: number; filter: FilterGroup; ids: ReadonlySet<ObjectId> }
>();
