/**
 * One parsed XML element: a string for a text-only element without attributes, otherwise an
 * object whose keys are child tag names (an element, or an array when the tag repeats), `$`
 * (attributes) and `#text`. Read it through {@link xmlChildren} and friends.
 */
export type XmlNode = string | XmlObject;
/** An element with attributes or children. See {@link XmlNode}. */
export interface XmlObject {
  readonly [key: string]: XmlNode | XmlNode[] | Readonly<Record<string, string>> | undefined;
}
/** Options for {@link parseXml}. */
export interface ParseXmlOptions {
  /** File name used in error messages. */
  readonly file?: string;
  /** Maximum input length in characters. Defaults to 1 GiB (2^30). */
  readonly maxLength?: number;
  /** Maximum element nesting. Defaults to 64. */
  readonly maxDepth?: number;
}
/** 1-based line of a character offset. */
export declare function lineAt(text: string, offset: number): number;
/**
 * Parses XML text into the compact element form and returns the root element named `root`.
 * Throws `AnnotkitError` `parse` (with file and line) on malformed XML, `limit` on inputs over the
 * bounds, and `parse` when a DOCTYPE declares entities (entity expansion is never performed).
 */
export declare function parseXml(text: string, root: string, options?: ParseXmlOptions): XmlObject;
/**
 * Decodes the five predefined XML entities and numeric character references. Any other entity
 * reference is left as written (documents with entity declarations are rejected earlier).
 */
export declare function decodeXmlEntities(s: string): string;
/** Escapes text for an XML attribute value or element content. */
export declare function escapeXml(s: string): string;
/** Escapes element text (newlines kept as written). */
export declare function escapeXmlText(s: string): string;
/** The child elements named `tag` (empty when none). */
export declare function xmlChildren(node: XmlNode | undefined, tag: string): readonly XmlNode[];
/** The first child element named `tag`, if any. */
export declare function xmlChild(node: XmlNode | undefined, tag: string): XmlNode | undefined;
/** The raw (still entity-encoded) attributes of an element. */
export declare function xmlAttrs(node: XmlNode | undefined): Readonly<Record<string, string>>;
/** One attribute, entity-decoded; `undefined` when absent. */
export declare function xmlAttr(node: XmlNode | undefined, name: string): string | undefined;
/** The element's text, entity-decoded; `''` when empty. */
export declare function xmlText(node: XmlNode | undefined): string;
/** Text of the first child `tag`, or `undefined` when there is no such child. */
export declare function xmlChildText(node: XmlNode | undefined, tag: string): string | undefined;
/** Names of the child tags of an element, in first-seen order. */
export declare function xmlChildTags(node: XmlNode | undefined): string[];
