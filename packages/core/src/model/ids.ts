/** Branded ids. They are plain numbers in JSON; the brand only stops mixing them up in code. */

/** Id of an annotation object (shape, track or tag), unique within a document. */
export type ObjectId = number & { readonly __brand: 'ObjectId' };
/** Id of a label or skeleton sublabel, unique within a document. */
export type LabelId = number & { readonly __brand: 'LabelId' };
/** Id of an attribute spec, unique within a document. */
export type AttributeId = number & { readonly __brand: 'AttributeId' };

/** Brands a number as an `ObjectId`. */
export const objectId = (n: number): ObjectId => n as ObjectId;
/** Brands a number as a `LabelId`. */
export const labelId = (n: number): LabelId => n as LabelId;
/** Brands a number as an `AttributeId`. */
export const attributeId = (n: number): AttributeId => n as AttributeId;
