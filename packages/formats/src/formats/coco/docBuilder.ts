/**
 * A small mutable builder that importers of the COCO/YOLO/VOC family fill while they read files,
 * then freeze into a plain `DocumentData`. It owns id allocation (labels, attributes, objects,
 * groups), label lookup by name (mapping onto `ImportOptions.labels` when given) and warning
 * aggregation, so that every importer reports the same warning codes.
 */
import { AnnotkitError, attributeId, ErrorCode, labelId, objectId } from '@annotkit/core';
import type {
  AnnotationObject,
  AttributeInputType,
  AttributeSpec,
  AttributeValues,
  DocumentData,
  FrameInfo,
  Geometry,
  Label,
  LabelId,
  LabelType,
  JsonObject,
  ShapeObject,
  Sublabel,
} from '@annotkit/core';
import type { ImportWarning } from '../../codec/types.js';

/** Schema version written by importers; matches `@annotkit/core`'s current records. */
export const IMPORT_SCHEMA_VERSION = 1;

/** The classic 20-colour label palette used for labels created on import (`#rrggbb`). */
const PALETTE = [
  '#fa3253',
  '#33ddff',
  '#34d1b7',
  '#ff007c',
  '#ddff33',
  '#24b353',
  '#b83df5',
  '#66ff66',
  '#32b7fa',
  '#ffcc33',
  '#83e070',
  '#fafa37',
  '#5986b3',
  '#8c78f0',
  '#ff6a4d',
  '#f078f0',
  '#2a7dd1',
  '#b25050',
  '#cc3366',
  '#cc9933',
] as const;

/** Returns the palette colour for the i-th created label (`#rrggbb`). */
export function paletteColor(i: number): string {
  return PALETTE[i % PALETTE.length];
}

interface MutableLabel {
  id: LabelId;
  name: string;
  color: string;
  type: LabelType;
  attributes: MutableAttr[];
  sublabels?: Sublabel[];
  edges?: (readonly [LabelId, LabelId])[];
  /** Lookup cache for `attribute()`. */
  attrByName?: Map<string, MutableAttr>;
}

interface MutableAttr {
  spec: AttributeSpec;
  /** Kind of values seen: decides the input type on `finish()` for created attributes. */
  seen: 'none' | 'text' | 'number' | 'checkbox';
  created: boolean;
  min: number;
  max: number;
}

/** Builds a `DocumentData` while importing. Not for use after `finish()`. */
export class DocBuilder {
  private readonly labels: MutableLabel[] = [];
  private readonly byName = new Map<string, MutableLabel>();
  private readonly byId = new Map<number, MutableLabel>();
  private readonly frames: FrameInfo[] = [];
  private readonly frameByName = new Map<string, number>();
  private readonly objects: AnnotationObject[] = [];
  private readonly warnings = new Map<string, { w: ImportWarning; count: number }>();
  private nextLabel = 1;
  private nextAttr = 1;
  private nextObject = 1;
  private nextGroupId = 1;
  private readonly known: ReadonlyMap<string, Label> | undefined;
  /** Per-frame subset names, written to `meta.subsets` when any is not `'default'`. */
  readonly subsets: string[] = [];

  constructor(knownLabels?: readonly Label[]) {
    if (knownLabels) {
      this.known = new Map(knownLabels.map((l) => [l.name, l]));
      for (const l of knownLabels) {
        this.nextLabel = Math.max(this.nextLabel, l.id + 1);
        for (const s of l.sublabels ?? []) this.nextLabel = Math.max(this.nextLabel, s.id + 1);
        for (const a of [...l.attributes, ...(l.sublabels ?? []).flatMap((s) => s.attributes)]) {
          this.nextAttr = Math.max(this.nextAttr, a.id + 1);
        }
      }
    }
  }

  /** Records a warning; warnings with the same code and file are aggregated with a count. */
  warn(code: string, message: string, file?: string, line?: number): void {
    const key = `${code}\u0000${file ?? ''}`;
    const entry = this.warnings.get(key);
    if (entry) entry.count++;
    else this.warnings.set(key, { w: { code, message, file, line }, count: 1 });
  }

  /** The id the next added object will get. */
  get nextObjectId(): number {
    return this.nextObject;
  }

  /**
   * Like `attribute()`, writing the value into `target` by attribute id. The hot path of large
   * imports: it makes no intermediate object.
   */
  setAttribute(target: Record<number, string>, label: LabelId, name: string, value: unknown): void {
    const a = this.attrOf(label, name);
    target[a.spec.id] = stringValue(a, value);
  }

  /** Number of labels so far. */
  get labelCount(): number {
    return this.labels.length;
  }

  /**
   * Returns the label named `name`, creating it when needed. With `ImportOptions.labels`, a
   * known label is reused (same id, colour, attributes) and an unknown one is created with a
   * `label-created` warning.
   */
  label(name: string, type: LabelType = 'any', file?: string): LabelId {
    const found = this.byName.get(name);
    if (found) {
      if (found.type !== type && found.type !== 'any') found.type = 'any';
      return found.id;
    }
    const known = this.known?.get(name);
    let l: MutableLabel;
    if (known) {
      l = {
        id: known.id,
        name,
        color: known.color,
        type: known.type,
        attributes: known.attributes.map((spec) => ({
          spec,
          seen: 'none',
          created: false,
          min: Infinity,
          max: -Infinity,
        })),
        sublabels: known.sublabels ? [...known.sublabels] : undefined,
        edges: known.edges ? [...known.edges] : undefined,
      };
    } else {
      if (this.known) this.warn('label-created', `label "${name}" was created`, file);
      l = {
        id: labelId(this.nextLabel++),
        name,
        color: paletteColor(this.labels.length),
        type,
        attributes: [],
      };
    }
    this.labels.push(l);
    this.byName.set(name, l);
    this.byId.set(l.id, l);
    return l.id;
  }

  /** Id of an existing label by name, if any. */
  findLabel(name: string): LabelId | undefined {
    return this.byName.get(name)?.id;
  }

  /** Sets a label's colour (`#rrggbb`), e.g. from a VOC label map. */
  setColor(id: LabelId, color: string): void {
    const l = this.byId.get(id);
    if (l) l.color = color;
  }

  /**
   * Makes `id` a skeleton label with the given point names (kept when it already has at least
   * as many) and edges as pairs of 0-based point indices. Returns the sublabel ids in order.
   */
  skeleton(
    id: LabelId,
    pointNames: readonly string[],
    edges: readonly (readonly [number, number])[],
  ): LabelId[] {
    const l = this.byId.get(id);
    if (!l) return [];
    if (!l.sublabels) l.type = 'skeleton';
    const subs = l.sublabels ?? [];
    for (let i = subs.length; i < pointNames.length; i++) {
      subs.push({
        id: labelId(this.nextLabel++),
        name: pointNames[i],
        color: paletteColor(i),
        attributes: [],
      });
    }
    l.sublabels = subs;
    const ids = subs.map((s) => s.id);
    if (!l.edges || l.edges.length === 0) {
      l.edges = edges
        .filter(([a, b]) => a >= 0 && b >= 0 && a < ids.length && b < ids.length)
        .map(([a, b]) => [ids[a], ids[b]] as const);
    }
    return ids;
  }

  /**
   * The label for the instance geometry (polygon, mask) of a skeleton annotation: a skeleton
   * label may only hold skeletons, so the geometry goes to a companion label named
   * `<skeleton name>_instance` (created on first use; same colour). Other labels return
   * themselves.
   */
  instanceLabel(id: LabelId): LabelId {
    const l = this.byId.get(id);
    if (!l || !l.sublabels) return id;
    const inst = this.label(`${l.name}_instance`, 'any');
    this.setColor(inst, l.color);
    return inst;
  }

  /** Sublabel ids of a skeleton label (empty for other labels). */
  sublabels(id: LabelId): LabelId[] {
    return (this.byId.get(id)?.sublabels ?? []).map((s) => s.id);
  }

  /**
   * Converts a file's attribute value to the stored string and returns its attribute id on the
   * label, creating a spec when the label has none of that name. Booleans → checkbox, numbers →
   * number (range from the values seen), anything else → text.
   */
  attribute(label: LabelId, name: string, value: unknown): { id: number; value: string } {
    const a = this.attrOf(label, name);
    return { id: a.spec.id, value: stringValue(a, value) };
  }

  /** The attribute `name` of `label`, created (as text, typed on `finish()`) when missing. */
  private attrOf(label: LabelId, name: string): MutableAttr {
    const l = this.byId.get(label);
    if (!l) throw new AnnotkitError(ErrorCode.UnknownLabel, `unknown label ${label}`);
    const cached = l.attrByName?.get(name);
    if (cached) return cached;
    let a = l.attributes.find((x) => x.spec.name === name);
    if (!a) {
      a = {
        spec: {
          id: attributeId(this.nextAttr++),
          name,
          inputType: 'text',
          mutable: false,
          values: [],
          default: '',
        },
        seen: 'none',
        created: true,
        min: Infinity,
        max: -Infinity,
      };
      l.attributes.push(a);
    }
    (l.attrByName ??= new Map()).set(name, a);
    return a;
  }

  /** Adds a frame (or returns the index of the frame with that name). */
  frame(name: string, width: number, height: number, subset = 'default'): number {
    const existing = this.frameByName.get(name);
    if (existing !== undefined) return existing;
    const index = this.frames.length;
    this.frames.push({ name, width, height });
    this.frameByName.set(name, index);
    this.subsets.push(subset);
    return index;
  }

  /** Index of the frame named `name`, if any. */
  findFrame(name: string): number | undefined {
    return this.frameByName.get(name);
  }

  /** Frame info by index. */
  frameInfo(index: number): FrameInfo {
    return this.frames[index];
  }

  /** A fresh non-zero group id. */
  newGroup(): number {
    return this.nextGroupId++;
  }

  /** Adds a shape on `frame`; returns its object id. */
  shape(
    frame: number,
    label: LabelId,
    geometry: Geometry,
    extra: {
      attributes?: AttributeValues;
      group?: number;
      occluded?: boolean;
      zOrder?: number;
      score?: number;
    } = {},
  ): number {
    const l = this.byId.get(label);
    if (l && l.type !== 'any' && l.type !== geometry.type) l.type = 'any';
    const id = this.nextObject++;
    const o: { -readonly [K in keyof ShapeObject]: ShapeObject[K] } = {
      kind: 'shape',
      id: objectId(id),
      label,
      frame,
      geometry,
      attributes: extra.attributes ?? {},
      group: extra.group ?? 0,
      zOrder: extra.zOrder ?? 0,
      occluded: extra.occluded ?? false,
      source: 'file',
    };
    if (extra.score !== undefined) o.score = extra.score;
    this.objects.push(o);
    if (extra.group !== undefined && extra.group >= this.nextGroupId) {
      this.nextGroupId = extra.group + 1;
    }
    return id;
  }

  /** Adds a tag on `frame`. */
  tag(frame: number, label: LabelId, attributes: AttributeValues = {}): void {
    this.objects.push({
      kind: 'tag',
      id: objectId(this.nextObject++),
      label,
      frame,
      attributes,
      group: 0,
      source: 'file',
    });
  }

  /** Adds any prepared object with a fresh id (used for tracks). */
  object(make: (id: number) => AnnotationObject): void {
    this.objects.push(make(this.nextObject++));
  }

  /** Removes and returns the objects matching `pred` (used to fold shapes into tracks). */
  takeObjects(pred: (o: AnnotationObject) => boolean): AnnotationObject[] {
    const taken: AnnotationObject[] = [];
    let w = 0;
    for (let r = 0; r < this.objects.length; r++) {
      const o = this.objects[r];
      if (pred(o)) taken.push(o);
      else this.objects[w++] = o;
    }
    this.objects.length = w;
    return taken;
  }

  /** Freezes into `DocumentData` plus aggregated warnings. */
  finish(meta: Record<string, unknown> = {}): {
    document: DocumentData;
    warnings: ImportWarning[];
  } {
    const labels: Label[] = this.labels.map((l) => ({
      kind: 'label',
      id: l.id,
      name: l.name,
      color: l.color,
      type: l.type,
      attributes: l.attributes.map((a) => finishAttr(a)),
      ...(l.sublabels ? { sublabels: l.sublabels, edges: l.edges ?? [] } : {}),
    }));
    const outMeta: Record<string, unknown> = { ...meta };
    if (this.subsets.some((s) => s !== 'default')) outMeta.subsets = [...this.subsets];
    const warnings = [...this.warnings.values()].map(({ w, count }) =>
      count > 1 ? { ...w, count } : w,
    );
    return {
      document: {
        schemaVersion: IMPORT_SCHEMA_VERSION,
        media: { kind: 'images', frames: this.frames },
        labels,
        objects: this.objects,
        meta: outMeta as JsonObject,
      },
      warnings,
    };
  }
}

/**
 * A file's attribute value as the stored string; records the kind seen on `a` (booleans →
 * checkbox, finite numbers → number with their range, anything else → text).
 */
function stringValue(a: MutableAttr, value: unknown): string {
  let str: string;
  let kind: MutableAttr['seen'];
  if (typeof value === 'boolean') {
    str = value ? 'true' : 'false';
    kind = 'checkbox';
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    str = String(value);
    kind = 'number';
    if (value < a.min) a.min = value;
    if (value > a.max) a.max = value;
  } else {
    str = typeof value === 'string' ? value : JSON.stringify(value);
    kind = 'text';
  }
  if (a.seen === 'none') a.seen = kind;
  else if (a.seen !== kind) a.seen = 'text';
  return str;
}

function finishAttr(a: MutableAttr): AttributeSpec {
  if (!a.created) return a.spec;
  let inputType: AttributeInputType = 'text';
  let values: string[] = [];
  let def = '';
  if (a.seen === 'checkbox') {
    inputType = 'checkbox';
    values = ['false', 'true'];
    def = 'false';
  } else if (a.seen === 'number') {
    inputType = 'number';
    values = [String(a.min), String(a.max), '1'];
    def = String(a.min);
  }
  return { ...a.spec, inputType, values, default: def };
}

/** Per-frame subset names of a document (`meta.subsets`), defaulting every frame to `fallback`. */
export function frameSubsets(doc: DocumentData, fallback: string): string[] {
  const raw = doc.meta.subsets;
  const n = doc.media.frames.length;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const s = Array.isArray(raw) ? raw[i] : undefined;
    out[i] = typeof s === 'string' && s !== '' ? s : fallback;
  }
  return out;
}
