/**
 * Text labels of objects (CVAT's "show object details"): which fields are shown, and the text of
 * one object on a frame. The static renderer draws it above the object's box when `showText` is
 * on and at most `textLimit` objects are in view.
 */
import type { AnnotationDocument, AttributeValues, ObjectId } from '@annotkit/core';

/** Fields of a text label, in the order they are written. */
export const TextField = {
  Label: 'label',
  Id: 'id',
  Source: 'source',
  Attributes: 'attributes',
} as const;
/** Fields of a text label, in the order they are written. */
export type TextField = (typeof TextField)[keyof typeof TextField];

/** The default text fields: label name and id (`car #12`). */
export const DEFAULT_TEXT_FIELDS: readonly TextField[] = ['label', 'id'];

/**
 * The text label of object `id` on `frame`: the chosen fields joined by ` · `, e.g.
 * `car #12 · auto · color: red`. Label and id form one word (`car #12`); attributes are
 * `name: value` pairs in the label's attribute order (tracks: immutable values plus the mutable
 * ones held from the last keyframe at or before `frame`). Empty for an unknown object.
 */
export function objectText(
  doc: AnnotationDocument,
  frame: number,
  id: ObjectId,
  fields: readonly TextField[],
): string {
  const o = doc.object(id);
  if (!o) return '';
  const label = doc.label(o.label);
  const parts: string[] = [];
  const head = [
    fields.includes('label') ? (label?.name ?? '?') : '',
    fields.includes('id') ? `#${id}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  if (head) parts.push(head);
  if (fields.includes('source')) parts.push(o.source);
  if (fields.includes('attributes') && label) {
    let values: AttributeValues = o.attributes;
    if (o.kind === 'track') {
      const held = [...o.keyframes].reverse().find((k) => k.frame <= frame);
      values = { ...o.attributes, ...held?.attributes };
    }
    for (const spec of label.attributes) {
      const v = (values as Record<number, string | undefined>)[spec.id];
      if (v !== undefined && v !== '') parts.push(`${spec.name}: ${v}`);
    }
  }
  return parts.join(' · ');
}
