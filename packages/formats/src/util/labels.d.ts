import type { AttributeInputType, AttributeSpec, Label, LabelType } from '@annotkit/core';
import type { ImportWarning } from '../codec/types.js';
/** Collects import warnings, aggregating repeats of the same code, message and file. */
export interface WarningCollector {
  /** Records one occurrence. */
  add(
    code: string,
    message: string,
    where?: {
      file?: string;
      line?: number;
    },
  ): void;
  /** The aggregated warnings, in first-seen order. */
  list(): ImportWarning[];
}
/** Creates a {@link WarningCollector}. */
export declare function createWarnings(): WarningCollector;
/** CVAT-like distinct colours, used in order for labels that have none. */
export declare const LABEL_PALETTE: readonly string[];
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
  declare(
    name: string,
    init?: {
      color?: string;
      type?: LabelType;
    },
  ): LabelDraft;
  /** Declares (or finds) a sublabel of a skeleton label. */
  declareSublabel(
    parent: LabelDraft,
    name: string,
    init?: {
      color?: string;
    },
  ): SublabelDraft;
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
export declare function createLabelBuilder(
  existing?: readonly Label[],
  warnings?: WarningCollector,
): LabelBuilder;
/** Formats a number like Python's `'{:.2f}'.format(x)` (used by CVAT XML and LabelMe). */
export declare function fmt2(x: number): string;
