/**
 * Builds the label schema of an imported document: maps label, sublabel and attribute names to
 * ids, creates what a file uses but does not declare (with an aggregated warning), and hands out
 * ids without module state.
 */
import { attributeId, labelId } from '@annotkit/core';
import type {
  AttributeInputType,
  AttributeSpec,
  Label,
  LabelId,
  LabelType,
  Sublabel,
} from '@annotkit/core';
import type { ImportWarning } from '../codec/types.js';

/** Collects import warnings, aggregating repeats of the same code, message and file. */
export interface WarningCollector {
  /** Records one occurrence. */
  add(code: string, message: string, where?: { file?: string; line?: number }): void;
  /** The aggregated warnings, in first-seen order. */
  list(): ImportWarning[];
}

/** Creates a {@link WarningCollector}. */
export function createWarnings(): WarningCollector {
  const byKey = new Map<string, { w: ImportWarning; count: number }>();
  return {
    add(code, message, where) {
      const key = `${code}\u0000${message}\u0000${where?.file ?? ''}`;
      const e = byKey.get(key);
      if (e) e.count++;
      else byKey.set(key, { w: { code, message, file: where?.file, line: where?.line }, count: 1 });
    },
    list() {
      return [...byKey.values()].map(({ w, count }) => {
        const out: { -readonly [K in keyof ImportWarning]: ImportWarning[K] } = {
          code: w.code,
          message: w.message,
          count,
        };
        if (w.file !== undefined) out.file = w.file;
        if (w.line !== undefined) out.line = w.line;
        return out;
      });
    },
  };
}

/** CVAT-like distinct colours, used in order for labels that have none. */
export const LABEL_PALETTE: readonly string[] = [
  '#fa3253',
  '#3d3df5',
  '#34d1b7',
  '#ff6037',
  '#ddff33',
  '#b83df5',
  '#24b353',
  '#ff007c',
  '#fafa37',
  '#83e070',
  '#33ddff',
  '#ffcc33',
  '#8c78f0',
  '#fa7dbb',
  '#aaf0d1',
  '#ff6a4d',
  '#e07070',
  '#2a7dd1',
  '#f078f0',
  '#b25050',
  '#66ff66',
  '#cc9933',
  '#5986b3',
  '#ff8a2b',
];

/** A mutable attribute spec while building. */
export interface AttributeDraft {
  id: number;
  name: string;
  inputType: AttributeInputType;
  mutable: boolean;
  values: string[];
  default: string;
}

/** A mutable sublabel while building. */
export interface SublabelDraft {
  readonly id: number;
  readonly name: string;
  color: string;
  readonly attributes: AttributeDraft[];
  readonly attrByName: Map<string, AttributeDraft>;
  position?: readonly [number, number];
}

/** A mutable label while building. */
export interface LabelDraft extends SublabelDraft {
  type: LabelType;
  readonly sublabels: SublabelDraft[];
  readonly subByName: Map<string, SublabelDraft>;
  /** Edges as sublabel ids. */
  readonly edges: [number, number][];
  /** True when the file declared the label (not created from a use). */
  declared: boolean;
}

/** Spec of an attribute as a file declares it. */
export type AttributeInit = Omit<AttributeSpec, 'id'>;

/** Builds labels and attribute specs from names. See the module comment. */
export interface LabelBuilder {
  readonly warnings: WarningCollector;
  /**
   * Declares a label from a file's schema. When a label of that name exists already (from
   * `ImportOptions.labels`) the existing one is returned and the declaration only adds what is
   * missing.
   */
  declare(name: string, init?: { color?: string; type?: LabelType }): LabelDraft;
  /** Declares (or finds) a sublabel of a skeleton label. */
  declareSublabel(parent: LabelDraft, name: string, init?: { color?: string }): SublabelDraft;
  /** Declares (or finds) an attribute on a label or sublabel. */
  declareAttribute(owner: SublabelDraft, init: AttributeInit): AttributeDraft;
  /** Finds a label by name; unknown names are created with a `label-created` warning. */
  label(name: string, file?: string): LabelDraft;
  /** Finds a label by id. */
  byId(id: number): LabelDraft | undefined;
  /** Finds a sublabel; unknown names are created with a `label-created` warning. */
  sublabel(parent: LabelDraft, name: string, file?: string): SublabelDraft;
  /**
   * Finds an attribute by name; an unknown name is created (a text attribute, or a checkbox for
   * boolean samples) with an `attribute-created` warning when the owner was declared.
   */
  attribute(owner: SublabelDraft, name: string, sample?: unknown, file?: string): AttributeDraft;
  /** Immutable labels, in declaration order. */
  build(): Label[];
}

/** Creates a {@link LabelBuilder}, seeded with existing labels (kept with their ids). */
export function createLabelBuilder(
  existing: readonly Label[] = [],
  warnings: WarningCollector = createWarnings(),
): LabelBuilder {
  const labels: LabelDraft[] = [];
  const byName = new Map<string, LabelDraft>();
  const byIdMap = new Map<number, LabelDraft>();
  let nextLabel = 1;
  let nextAttr = 1;

  const newAttrDraft = (a: AttributeSpec | AttributeInit, id: number): AttributeDraft => ({
    id,
    name: a.name,
    inputType: a.inputType,
    mutable: a.mutable,
    values: [...a.values],
    default: a.default,
  });
  const newSub = (id: number, name: string, color: string): SublabelDraft => ({
    id,
    name,
    color,
    attributes: [],
    attrByName: new Map(),
  });
  const addLabel = (id: number, name: string, color: string, type: LabelType): LabelDraft => {
    const d: LabelDraft = {
      ...newSub(id, name, color),
      type,
      sublabels: [],
      subByName: new Map(),
      edges: [],
      declared: true,
    };
    labels.push(d);
    byName.set(name, d);
    byIdMap.set(id, d);
    return d;
  };
  const nextColor = () => LABEL_PALETTE[labels.length % LABEL_PALETTE.length];

  for (const l of existing) {
    const d = addLabel(l.id, l.name, l.color, l.type);
    for (const a of l.attributes) {
      const ad = newAttrDraft(a, a.id);
      d.attributes.push(ad);
      d.attrByName.set(a.name, ad);
      nextAttr = Math.max(nextAttr, a.id + 1);
    }
    for (const s of l.sublabels ?? []) {
      const sd = newSub(s.id, s.name, s.color);
      if (s.position) sd.position = s.position;
      for (const a of s.attributes) {
        const ad = newAttrDraft(a, a.id);
        sd.attributes.push(ad);
        sd.attrByName.set(a.name, ad);
        nextAttr = Math.max(nextAttr, a.id + 1);
      }
      d.sublabels.push(sd);
      d.subByName.set(s.name, sd);
      byIdMap.set(s.id, d);
      nextLabel = Math.max(nextLabel, s.id + 1);
    }
    for (const [a, b] of l.edges ?? []) d.edges.push([a, b]);
    nextLabel = Math.max(nextLabel, l.id + 1);
  }

  const builder: LabelBuilder = {
    warnings,
    declare(name, init = {}) {
      const found = byName.get(name);
      if (found) {
        if (init.type !== undefined && found.type === 'any' && !found.declared)
          found.type = init.type;
        found.declared = true;
        return found;
      }
      return addLabel(nextLabel++, name, init.color ?? nextColor(), init.type ?? 'any');
    },
    declareSublabel(parent, name, init = {}) {
      const found = parent.subByName.get(name);
      if (found) return found;
      const s = newSub(nextLabel++, name, init.color ?? nextColor());
      parent.sublabels.push(s);
      parent.subByName.set(name, s);
      byIdMap.set(s.id, parent);
      return s;
    },
    declareAttribute(owner, init) {
      const found = owner.attrByName.get(init.name);
      if (found) return found;
      const a = newAttrDraft(init, nextAttr++);
      owner.attributes.push(a);
      owner.attrByName.set(a.name, a);
      return a;
    },
    label(name, file) {
      const found = byName.get(name);
      if (found) return found;
      warnings.add('label-created', `label "${name}" is not declared; created it`, { file });
      const d = addLabel(nextLabel++, name, nextColor(), 'any');
      d.declared = false;
      return d;
    },
    byId(id) {
      const d = byIdMap.get(id);
      return d !== undefined && d.id === id ? d : undefined;
    },
    sublabel(parent, name, file) {
      const found = parent.subByName.get(name);
      if (found) return found;
      warnings.add(
        'label-created',
        `skeleton "${parent.name}" has no point "${name}"; created it`,
        {
          file,
        },
      );
      return builder.declareSublabel(parent, name);
    },
    attribute(owner, name, sample, file) {
      const found = owner.attrByName.get(name);
      if (found) return found;
      const declared = (owner as Partial<LabelDraft>).declared ?? true;
      if (declared) {
        warnings.add('attribute-created', `attribute "${name}" is not declared; created it`, {
          file,
        });
      }
      const isBool = typeof sample === 'boolean';
      return builder.declareAttribute(owner, {
        name,
        inputType: isBool ? 'checkbox' : 'text',
        mutable: false,
        values: isBool ? ['false', 'true'] : [],
        default: isBool ? 'false' : '',
      });
    },
    build() {
      return labels.map((d): Label => {
        const attrs = d.attributes.map(freezeAttr);
        const base: Label = {
          kind: 'label',
          id: labelId(d.id),
          name: d.name,
          color: d.color,
          type: d.type,
          attributes: attrs,
        };
        if (d.type !== 'skeleton' && d.sublabels.length === 0) return base;
        return {
          ...base,
          sublabels: d.sublabels.map((s): Sublabel => {
            const sub: Sublabel = {
              id: labelId(s.id),
              name: s.name,
              color: s.color,
              attributes: s.attributes.map(freezeAttr),
            };
            return s.position ? { ...sub, position: s.position } : sub;
          }),
          edges: d.edges.map(([a, b]): readonly [LabelId, LabelId] => [labelId(a), labelId(b)]),
        };
      });
    },
  };
  return builder;
}

function freezeAttr(a: AttributeDraft): AttributeSpec {
  return {
    id: attributeId(a.id),
    name: a.name,
    inputType: a.inputType,
    mutable: a.mutable,
    values: [...a.values],
    default: a.default,
  };
}

/** Formats a number like Python's `'{:.2f}'.format(x)` (used by CVAT XML and LabelMe). */
export function fmt2(x: number): string {
  return x.toFixed(2);
}
