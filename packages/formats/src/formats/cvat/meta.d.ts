/**
 * CVAT XML `<meta>`: the label schema (incl. attribute specs and skeleton templates) in and out.
 * The skeleton SVG is read only for its `data-*` attributes and circle positions with a regular
 * expression over the tag text: it is never parsed or inserted as HTML.
 */
import type { Label, LabelType } from '@annotkit/core';
import type {
  AttributeInit,
  LabelBuilder,
  LabelDraft,
  WarningCollector,
} from '../../util/labels.js';
import type { XmlNode } from '../../util/xml.js';
/** CVAT label type names ⇄ ours. CVAT writes `rectangle`; older files and docs say `bbox`. */
export declare function labelTypeFromCvat(t: string | undefined): LabelType;
/**
 * Turns a CVAT attribute declaration into a spec that core accepts: values split on newlines
 * (old files separate them with spaces), checkbox values normalised, select/radio defaults that
 * are not among the values added to them, and number specs that are not `[min, max, step]`
 * turned into text (with a warning).
 */
export declare function normalizeAttributeSpec(
  name: string,
  inputTypeRaw: string,
  mutable: boolean,
  valuesRaw: string,
  defaultRaw: string,
  warnings: WarningCollector,
  file: string | undefined,
): AttributeInit;
interface SvgNode {
  readonly nodeId: string;
  readonly labelName: string;
  readonly cx: number;
  readonly cy: number;
}
/** Reads node order, names, positions and edges from a CVAT skeleton SVG template. */
export declare function parseSkeletonSvg(svg: string): {
  nodes: SvgNode[];
  edges: [string, string][];
};
/** Declares every label of `<meta>` (task, job or project) in the builder. */
export declare function readCvatLabels(
  meta: XmlNode | undefined,
  builder: LabelBuilder,
  file: string | undefined,
): void;
/** Declared labels as `<labels>` XML, indented for `<task>` (8 spaces). */
export declare function writeCvatLabels(labels: readonly Label[], out: string[]): void;
/** The SVG template CVAT stores for a skeleton label (node ids are 1-based). */
export declare function skeletonSvg(l: Label): string;
/** Ensures a label may hold `type`; widens a declared other type to `any` with a warning. */
export declare function allowShapeType(
  d: LabelDraft,
  type: LabelType,
  warnings: WarningCollector,
  file: string | undefined,
): void;
export {};
