/**
 * Validation of untrusted records against the schema and against each other (labels ↔ objects).
 *
 * Design notes:
 * - Validators are strict: unknown fields are rejected (`invalid-type`), nothing is clamped or
 *   dropped. A value that passes is returned as is (same identity), typed; because every own key
 *   was checked, no `__proto__`/`constructor` key can survive into a record.
 * - Only own enumerable keys (`Object.keys`) are read, and only plain objects (prototype
 *   `Object.prototype` or `null`) are accepted, so getters or polluted prototypes are never read.
 * - Geometry is checked by the shape definition of its type; this module adds what needs the
 *   labels (skeleton elements vs sublabels) and the media (frame range).
 */
import { AnnotkitError } from '../errors.js';
import type { ErrorCode, ErrorPath } from '../errors.js';
import type { LabelId } from './ids.js';
import type {
  AnnotationObject,
  AttributeSpec,
  AttributeValues,
  DocumentData,
  Geometry,
  JsonObject,
  JsonValue,
  Label,
  MediaInfo,
  SkeletonGeometry,
} from './records.js';
import { AttributeInputType, MediaKind, ShapeType, Source } from './records.js';
import { shapeDefinition } from '../shapes/index.js';
import { CURRENT_SCHEMA_VERSION } from '../serialization/version.js';

type Obj = { readonly [key: string]: unknown };

/** Throws at `path`, extended by `key` when given (paths are built only on failure). */
const fail = (code: ErrorCode, message: string, path: ErrorPath, key?: string | number): never => {
  throw new AnnotkitError(code, message, { path: key === undefined ? path : [...path, key] });
};

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function isPlainObject(value: unknown): value is Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Checks a plain object with exactly the allowed keys (required ones must be present). */
function record(
  value: unknown,
  path: ErrorPath,
  required: readonly string[],
  optional: readonly string[] = [],
): Obj {
  if (!isPlainObject(value)) return fail('invalid-type', 'expected an object', path);
  for (const key of Object.keys(value)) {
    if (!required.includes(key) && !optional.includes(key)) {
      fail('invalid-type', `unknown field "${key}"`, [...path, key]);
    }
  }
  for (const key of required) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) {
      fail('invalid-type', `missing field "${key}"`, [...path, key]);
    }
  }
  return value;
}

function array(value: unknown, path: ErrorPath): readonly unknown[] {
  if (!Array.isArray(value)) return fail('invalid-type', 'expected an array', path);
  return value;
}

function str(value: unknown, path: ErrorPath, key?: string | number): string {
  if (typeof value !== 'string') return fail('invalid-type', 'expected a string', path, key);
  return value;
}

function bool(value: unknown, path: ErrorPath, key?: string | number): boolean {
  if (typeof value !== 'boolean') return fail('invalid-type', 'expected a boolean', path, key);
  return value;
}

function finite(value: unknown, path: ErrorPath, key?: string | number): number {
  if (typeof value !== 'number') return fail('invalid-type', 'expected a number', path, key);
  if (!Number.isFinite(value)) return fail('not-finite', `expected a finite number`, path, key);
  return value;
}

/** A safe integer ≥ `min`. */
function int(
  value: unknown,
  path: ErrorPath,
  key?: string | number,
  min = -Number.MAX_SAFE_INTEGER,
): number {
  const n = finite(value, path, key);
  if (!Number.isSafeInteger(n)) return fail('invalid-type', 'expected an integer', path, key);
  if (n < min) return fail('invalid-type', `expected an integer ≥ ${min}`, path, key);
  return n;
}

function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  path: ErrorPath,
  key?: string | number,
): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    return fail('invalid-type', `expected one of ${allowed.join(', ')}`, path, key);
  }
  return value as T;
}

/** Ids are non-negative safe integers. */
const id = (value: unknown, path: ErrorPath, key?: string | number): number =>
  int(value, path, key, 0);

/** Parses a numeric attribute string strictly (no empty or whitespace-only strings). */
function numeric(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

// ---------------------------------------------------------------------------------------------
// Attributes

const INPUT_TYPES = Object.values(AttributeInputType);

function validateAttributeSpec(value: unknown, path: ErrorPath): AttributeSpec {
  const o = record(value, path, ['id', 'name', 'inputType', 'mutable', 'values', 'default']);
  id(o.id, path, 'id');
  if (str(o.name, path, 'name') === '') fail('invalid-type', 'empty name', [...path, 'name']);
  const inputType = oneOf(o.inputType, INPUT_TYPES, path, 'inputType');
  bool(o.mutable, path, 'mutable');
  const values = array(o.values, [...path, 'values']).map((v, i) => str(v, [...path, 'values', i]));
  const dflt = str(o.default, path, 'default');
  if (inputType === 'number') {
    if (values.length !== 3) {
      fail('attribute-value', 'number values must be [min, max, step]', [...path, 'values']);
    }
    const [min, max, step] = values.map((v, i) => {
      const n = numeric(v);
      return n ?? fail('attribute-value', `"${v}" is not a number`, [...path, 'values', i]);
    });
    if (min > max) fail('attribute-value', `min ${min} > max ${max}`, [...path, 'values']);
    if (!(step > 0)) fail('attribute-value', `step must be > 0`, [...path, 'values', 2]);
  } else if (inputType === 'select' || inputType === 'radio') {
    if (values.length === 0) fail('attribute-value', 'no values', [...path, 'values']);
  }
  const spec = value as AttributeSpec;
  validateAttributeValue(spec, dflt, [...path, 'default']);
  return spec;
}

/**
 * Checks one attribute value against its spec, with CVAT's rules: number within
 * `[values[0], values[1]]` (the step is not enforced), checkbox `'true' | 'false'`, select/radio
 * one of `values`, text anything. Throws `attribute-value` (or `invalid-type` for non-strings).
 */
export function validateAttributeValue(
  spec: AttributeSpec,
  value: unknown,
  path: ErrorPath,
): string {
  const v = str(value, path);
  switch (spec.inputType) {
    case 'number': {
      const n = numeric(v);
      const min = Number(spec.values[0]);
      const max = Number(spec.values[1]);
      if (n === undefined || n < min || n > max) {
        fail('attribute-value', `"${v}" is not a number in [${min}, ${max}]`, path);
      }
      break;
    }
    case 'checkbox':
      if (v !== 'true' && v !== 'false') fail('attribute-value', `"${v}" is not true/false`, path);
      break;
    case 'select':
    case 'radio':
      if (!spec.values.includes(v)) {
        fail('attribute-value', `"${v}" is not one of ${spec.values.join(', ')}`, path);
      }
      break;
    case 'text':
      break;
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Labels

const LABEL_TYPES: readonly string[] = ['any', 'tag', ...Object.values(ShapeType)];
const COLOR = /^#[0-9a-fA-F]{6}$/;

function checkColor(value: unknown, path: ErrorPath, key: string): void {
  if (!COLOR.test(str(value, path, key))) {
    fail('invalid-type', 'expected a colour #rrggbb', path, key);
  }
}

function checkAttributes(value: unknown, path: ErrorPath): readonly AttributeSpec[] {
  const specs = array(value, path).map((a, i) => validateAttributeSpec(a, [...path, i]));
  const names = new Set<string>();
  specs.forEach((s, i) => {
    if (names.has(s.name)) fail('duplicate-id', `attribute name "${s.name}" twice`, [...path, i]);
    names.add(s.name);
  });
  return specs;
}

/**
 * Checks one label (with its sublabels and edges) on its own. Cross-label rules (unique ids and
 * names) are in `validateLabels`. Skeleton labels need at least one sublabel; edges must join two
 * different sublabels of the label. Returns the value typed.
 */
export function validateLabel(value: unknown, path: ErrorPath): Label {
  const o = record(
    value,
    path,
    ['kind', 'id', 'name', 'color', 'type', 'attributes'],
    ['sublabels', 'edges'],
  );
  if (o.kind !== 'label') fail('invalid-type', 'expected kind "label"', [...path, 'kind']);
  id(o.id, path, 'id');
  if (str(o.name, path, 'name') === '') fail('invalid-type', 'empty name', [...path, 'name']);
  checkColor(o.color, path, 'color');
  const type = oneOf(o.type, LABEL_TYPES, path, 'type');
  checkAttributes(o.attributes, [...path, 'attributes']);
  if (type !== 'skeleton') {
    for (const key of ['sublabels', 'edges']) {
      if (o[key] !== undefined)
        fail('invalid-type', `only skeleton labels have ${key}`, [...path, key]);
    }
    return value as Label;
  }
  const subPath = [...path, 'sublabels'];
  const subs = array(
    o.sublabels ?? fail('invalid-type', 'skeleton without sublabels', subPath),
    subPath,
  );
  if (subs.length === 0) fail('invalid-type', 'skeleton without sublabels', subPath);
  const subIds = new Set<number>();
  const subNames = new Set<string>();
  subs.forEach((s, i) => {
    const p = [...subPath, i];
    const so = record(s, p, ['id', 'name', 'color', 'attributes'], ['position']);
    const sid = id(so.id, p, 'id');
    const name = str(so.name, p, 'name');
    if (subIds.has(sid)) fail('duplicate-id', `sublabel id ${sid} twice`, [...p, 'id']);
    if (subNames.has(name)) fail('duplicate-id', `sublabel name "${name}" twice`, [...p, 'name']);
    subIds.add(sid);
    subNames.add(name);
    checkColor(so.color, p, 'color');
    checkAttributes(so.attributes, [...p, 'attributes']);
    if (so.position !== undefined) {
      const pos = array(so.position, [...p, 'position']);
      if (pos.length !== 2) fail('point-count', 'position must be [x, y]', [...p, 'position']);
      pos.forEach((c, j) => finite(c, [...p, 'position', j]));
    }
  });
  if (o.edges !== undefined) {
    array(o.edges, [...path, 'edges']).forEach((e, i) => {
      const p = [...path, 'edges', i];
      const pair = array(e, p);
      if (pair.length !== 2) fail('invalid-type', 'an edge is [from, to]', p);
      const [a, b] = pair.map((x, j) => id(x, p, j));
      if (!subIds.has(a)) fail('unknown-label', `edge end ${a} is not a sublabel`, [...p, 0]);
      if (!subIds.has(b)) fail('unknown-label', `edge end ${b} is not a sublabel`, [...p, 1]);
      if (a === b) fail('invalid-type', 'an edge joins two different sublabels', p);
    });
  }
  return value as Label;
}

/**
 * Checks a label list: each label, then ids unique across labels and sublabels (one id space),
 * label names unique, attribute ids unique across the whole list. `path` defaults to `['labels']`.
 */
export function validateLabels(labels: unknown, path: ErrorPath = ['labels']): readonly Label[] {
  const list = array(labels, path).map((l, i) => validateLabel(l, [...path, i]));
  const ids = new Set<number>();
  const names = new Set<string>();
  const attrIds = new Set<number>();
  const checkSpecs = (specs: readonly AttributeSpec[], p: ErrorPath): void =>
    specs.forEach((s, k) => {
      if (attrIds.has(s.id)) fail('duplicate-id', `attribute id ${s.id} twice`, [...p, k, 'id']);
      attrIds.add(s.id);
    });
  list.forEach((label, i) => {
    if (ids.has(label.id)) fail('duplicate-id', `label id ${label.id} twice`, [...path, i, 'id']);
    ids.add(label.id);
    if (names.has(label.name)) {
      fail('duplicate-id', `label name "${label.name}" twice`, [...path, i, 'name']);
    }
    names.add(label.name);
    checkSpecs(label.attributes, [...path, i, 'attributes']);
    label.sublabels?.forEach((s, j) => {
      const p = [...path, i, 'sublabels', j];
      if (ids.has(s.id)) fail('duplicate-id', `label id ${s.id} twice`, [...p, 'id']);
      ids.add(s.id);
      checkSpecs(s.attributes, [...p, 'attributes']);
    });
  });
  return list;
}

// ---------------------------------------------------------------------------------------------
// Objects

/** What objects are checked against. Build it with `createValidationContext`. */
export interface ValidationContext {
  /** Top-level labels by id. */
  readonly labels: ReadonlyMap<LabelId, Label>;
  /** Number of frames of the media; frames are `0 … frameCount − 1`. */
  readonly frameCount: number;
}

/** Builds a `ValidationContext` from (already validated) labels and the media. */
export function createValidationContext(
  labels: Iterable<Label>,
  media: MediaInfo,
): ValidationContext {
  const map = new Map<LabelId, Label>();
  for (const l of labels) map.set(l.id, l);
  return { labels: map, frameCount: media.frames.length };
}

const SOURCES = Object.values(Source);
const SHAPE_TYPES = Object.values(ShapeType);

/** Which attributes are allowed where: all of them, only immutable ones, or only mutable ones. */
type AttrScope = 'all' | 'immutable' | 'mutable';

function checkAttributeValues(
  value: unknown,
  specs: readonly AttributeSpec[],
  scope: AttrScope,
  parent: ErrorPath,
  field = 'attributes',
): AttributeValues {
  if (!isPlainObject(value)) return fail('invalid-type', 'expected an object', parent, field);
  for (const key of Object.keys(value)) {
    const p = [...parent, field, key];
    const spec = specs.find((s) => String(s.id) === key);
    if (!spec) fail('unknown-attribute', `attribute ${key} is not on the label`, p);
    else if (scope === 'immutable' && spec.mutable) {
      fail('unknown-attribute', `mutable attribute ${key} belongs on keyframes`, p);
    } else if (scope === 'mutable' && !spec.mutable) {
      fail('unknown-attribute', `immutable attribute ${key} belongs on the track`, p);
    } else validateAttributeValue(spec, value[key], p);
  }
  return value as AttributeValues;
}

function checkFrame(value: unknown, ctx: ValidationContext, path: ErrorPath, key: string): number {
  const frame = int(value, path, key);
  if (frame < 0 || frame >= ctx.frameCount) {
    fail('frame-range', `frame ${frame} is outside 0…${ctx.frameCount - 1}`, path, key);
  }
  return frame;
}

function checkGeometry(
  value: unknown,
  label: Label,
  path: ErrorPath,
  labelPath: ErrorPath,
): Geometry {
  const o = isPlainObject(value) ? value : fail('invalid-type', 'expected an object', path);
  const type = oneOf(o.type, SHAPE_TYPES, path, 'type');
  const allowed = label.type === type || (label.type === 'any' && type !== 'skeleton');
  if (!allowed) {
    fail(
      'label-shape-type',
      `label "${label.name}" (${label.type}) does not allow ${type}`,
      labelPath,
    );
  }
  const geometry = shapeDefinition(type).validate(value, path) as Geometry;
  if (geometry.type === 'skeleton') checkSkeleton(geometry, label, path);
  return geometry;
}

function checkSkeleton(g: SkeletonGeometry, label: Label, path: ErrorPath): void {
  const subs = label.sublabels ?? [];
  if (g.elements.length !== subs.length) {
    fail('point-count', `skeleton needs ${subs.length} elements, one per sublabel`, [
      ...path,
      'elements',
    ]);
  }
  g.elements.forEach((el, i) => {
    const p = [...path, 'elements', i];
    const sub = subs[i];
    if (el.label !== sub.id) {
      fail('unknown-label', `element ${i} must be sublabel ${sub.id} (got ${el.label})`, [
        ...p,
        'label',
      ]);
    }
    checkAttributeValues(el.attributes, sub.attributes, 'all', p);
  });
}

const COMMON = ['kind', 'id', 'label', 'attributes', 'group', 'source'];
const OBJECT_KINDS = ['shape', 'track', 'tag'] as const;
/** Required keys per object kind. */
const OBJECT_KEYS = {
  shape: [...COMMON, 'frame', 'geometry', 'zOrder', 'occluded'],
  track: [...COMMON, 'keyframes'],
  tag: [...COMMON, 'frame'],
} as const;
const KEYFRAME_KEYS = ['frame', 'geometry', 'outside', 'occluded', 'zOrder', 'attributes'];
const SCORE = ['score'];

/**
 * Checks a shape, track or tag against the labels and media of `ctx`: label exists and allows the
 * shape type ('any' allows every shape type except skeleton, which needs a skeleton label; 'any'
 * and 'tag' labels allow tags), attributes belong to the label and hold valid values (tracks:
 * immutable ones on the track, mutable ones on keyframes; missing attributes mean the default),
 * frames within the media, tracks with ≥ 1 keyframe at strictly increasing frames and one shape
 * type. Returns the value typed.
 */
export function validateObject(
  value: unknown,
  ctx: ValidationContext,
  path: ErrorPath,
): AnnotationObject {
  const pre = isPlainObject(value) ? value : fail('invalid-type', 'expected an object', path);
  const kind = oneOf(pre.kind, OBJECT_KINDS, path, 'kind');
  const o = record(value, path, OBJECT_KEYS[kind], SCORE);
  id(o.id, path, 'id');
  const labelId = id(o.label, path, 'label') as LabelId;
  const label = ctx.labels.get(labelId);
  if (!label) return fail('unknown-label', `label ${labelId} does not exist`, [...path, 'label']);
  int(o.group, path, 'group', 0);
  oneOf(o.source, SOURCES, path, 'source');
  if (o.score !== undefined) {
    const s = finite(o.score, path, 'score');
    if (s < 0 || s > 1) fail('invalid-type', `score ${s} is outside [0, 1]`, [...path, 'score']);
  }
  if (kind === 'tag') {
    if (label.type !== 'tag' && label.type !== 'any') {
      fail('label-shape-type', `label "${label.name}" (${label.type}) does not allow tags`, [
        ...path,
        'label',
      ]);
    }
    checkFrame(o.frame, ctx, path, 'frame');
    checkAttributeValues(o.attributes, label.attributes, 'all', path);
  } else if (kind === 'shape') {
    checkFrame(o.frame, ctx, path, 'frame');
    checkGeometry(o.geometry, label, [...path, 'geometry'], [...path, 'label']);
    int(o.zOrder, path, 'zOrder');
    bool(o.occluded, path, 'occluded');
    checkAttributeValues(o.attributes, label.attributes, 'all', path);
  } else {
    checkAttributeValues(o.attributes, label.attributes, 'immutable', path);
    const kfPath = [...path, 'keyframes'];
    const kfs = array(o.keyframes, kfPath);
    if (kfs.length === 0) fail('keyframes', 'a track needs at least one keyframe', kfPath);
    let prev = -1;
    let type: string | undefined;
    kfs.forEach((kf, i) => {
      const p = [...kfPath, i];
      const k = record(kf, p, KEYFRAME_KEYS);
      const frame = checkFrame(k.frame, ctx, p, 'frame');
      if (frame <= prev) {
        fail('keyframes', `keyframe frames must increase strictly (${frame} after ${prev})`, [
          ...p,
          'frame',
        ]);
      }
      prev = frame;
      const g = checkGeometry(k.geometry, label, [...p, 'geometry'], [...path, 'label']);
      if (type !== undefined && g.type !== type) {
        fail('keyframes', `keyframe is a ${g.type}, the track is a ${type}`, [...p, 'geometry']);
      }
      type = g.type;
      bool(k.outside, p, 'outside');
      bool(k.occluded, p, 'occluded');
      int(k.zOrder, p, 'zOrder');
      checkAttributeValues(k.attributes, label.attributes, 'mutable', p);
    });
  }
  return value as AnnotationObject;
}

// ---------------------------------------------------------------------------------------------
// Media, meta, whole documents

/** Checks media info: kind, frames with name, integer width/height ≥ 0, finite timestamps. */
export function validateMedia(value: unknown, path: ErrorPath = ['media']): MediaInfo {
  const o = record(value, path, ['kind', 'frames']);
  oneOf(o.kind, Object.values(MediaKind), path, 'kind');
  array(o.frames, [...path, 'frames']).forEach((f, i) => {
    const p = [...path, 'frames', i];
    const fo = record(f, p, ['name', 'width', 'height'], ['timestamp']);
    str(fo.name, p, 'name');
    int(fo.width, p, 'width', 0);
    int(fo.height, p, 'height', 0);
    if (fo.timestamp !== undefined) finite(fo.timestamp, p, 'timestamp');
  });
  return value as MediaInfo;
}

/**
 * Checks a JSON value: plain objects/arrays, finite numbers, no `__proto__`/`constructor`/
 * `prototype` keys (rejected with `invalid-type`, never copied), depth ≤ `maxDepth` (default 64,
 * `limit` beyond). Returns the value typed.
 */
export function validateJson(value: unknown, path: ErrorPath, maxDepth = 64): JsonValue {
  const walk = (v: unknown, p: ErrorPath, depth: number): void => {
    if (depth > maxDepth) fail('limit', `JSON nested deeper than ${maxDepth}`, p);
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
    if (typeof v === 'number') {
      finite(v, p);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...p, i], depth + 1));
      return;
    }
    if (!isPlainObject(v)) fail('invalid-type', 'expected a JSON value', p);
    else {
      for (const key of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(key)) fail('invalid-type', `forbidden key "${key}"`, [...p, key]);
        walk(v[key], [...p, key], depth + 1);
      }
    }
  };
  walk(value, path, 0);
  return value as JsonValue;
}

/** Checks `meta`: a JSON object (see `validateJson`). */
export function validateMeta(value: unknown, path: ErrorPath = ['meta']): JsonObject {
  if (!isPlainObject(value)) fail('invalid-type', 'expected an object', path);
  return validateJson(value, path) as JsonObject;
}

/**
 * Checks a whole document: `schemaVersion` equal to `CURRENT_SCHEMA_VERSION` (older documents go
 * through `parseDocument`, which migrates them; newer ones fail with `schema-version`), media,
 * labels, every object against them, object ids unique (`duplicate-id`), meta. Returns it typed.
 */
export function validateDocumentData(value: unknown): DocumentData {
  const o = record(value, [], ['schemaVersion', 'media', 'labels', 'objects', 'meta']);
  const version = int(o.schemaVersion, [], 'schemaVersion', 1);
  if (version !== CURRENT_SCHEMA_VERSION) {
    fail(
      'schema-version',
      `schema version ${version} is not the current ${CURRENT_SCHEMA_VERSION}`,
      ['schemaVersion'],
    );
  }
  const media = validateMedia(o.media);
  const labels = validateLabels(o.labels);
  const ctx = createValidationContext(labels, media);
  const ids = new Set<number>();
  array(o.objects, ['objects']).forEach((obj, i) => {
    const v = validateObject(obj, ctx, ['objects', i]);
    if (ids.has(v.id)) fail('duplicate-id', `object id ${v.id} twice`, ['objects', i, 'id']);
    ids.add(v.id);
  });
  validateMeta(o.meta);
  return value as DocumentData;
}
