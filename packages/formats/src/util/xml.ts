/**
 * Safe XML reading on fast-xml-parser.
 *
 * Why this shape: entity expansion is the classic XML denial of service, so the parser runs with
 * `processEntities: false` and documents that declare entities in a DOCTYPE are rejected before
 * parsing. The five predefined entities and numeric character references are decoded by us, only
 * in values that contain `&`, which keeps the common path allocation-free. Elements are returned in
 * fast-xml-parser's compact form (attributes grouped under `$`, a repeated child tag as an array,
 * a single one as the element itself) so codecs walk the parser's own objects instead of a copy;
 * the accessors below hide the single/repeated difference. (The parser's `isArray` option would
 * hide it too, but costs about half a parse more: it is called for every tag and attribute.)
 *
 * Well-formedness: fast-xml-parser silently accepts an unclosed element (a truncated file parses
 * "fine"), and its own validator costs as much as a second parse. So before parsing we run one
 * tight scan ({@link checkXmlStructure}) that checks tag balance, attribute syntax, comments,
 * CDATA and a single root, without allocating per element; on failure it names the line.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import { checkXmlStructure } from './xmlStructure.js';
import { XMLParser } from 'fast-xml-parser';

/** Key under which an element's attributes are grouped. */
const ATTRS = '$';
/** Key of an element's text when it also has attributes or children. */
const TEXT = '#text';

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

const EMPTY_ATTRS: Readonly<Record<string, string>> = Object.freeze(Object.create(null));
const NO_NODES: readonly XmlNode[] = Object.freeze([]);

/** Options for {@link parseXml}. */
export interface ParseXmlOptions {
  /** File name used in error messages. */
  readonly file?: string;
  /** Maximum input length in characters. Defaults to 1 GiB (2^30). */
  readonly maxLength?: number;
  /** Maximum element nesting. Defaults to 64. */
  readonly maxDepth?: number;
}

let parserCache: XMLParser | undefined;
function parser(maxDepth: number): XMLParser {
  if (parserCache !== undefined && maxDepth === 64) return parserCache;
  const p = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    attributesGroupName: ATTRS,
    textNodeName: TEXT,
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    trimValues: true,
    maxNestedTags: maxDepth,
  });
  if (maxDepth === 64) parserCache = p;
  return p;
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Parses XML text into the compact element form and returns the root element named `root`.
 * Throws `AnnotkitError` `parse` (with file and line) on malformed XML, `limit` on inputs over the
 * bounds, and `parse` when a DOCTYPE declares entities (entity expansion is never performed).
 */
export function parseXml(text: string, root: string, options: ParseXmlOptions = {}): XmlObject {
  const file = options.file;
  if (text.length > (options.maxLength ?? 2 ** 30)) {
    throw new AnnotkitError(
      ErrorCode.Limit,
      `XML is larger than ${options.maxLength ?? 2 ** 30} characters`,
      { file },
    );
  }
  const doctype = text.indexOf('<!DOCTYPE');
  if (doctype !== -1 && text.indexOf('<!ENTITY', doctype) !== -1) {
    throw new AnnotkitError(ErrorCode.Parse, 'DOCTYPE entity declarations are not allowed', {
      file,
      line: lineAt(text, doctype),
    });
  }
  checkXmlStructure(text, file, options.maxDepth ?? 64);
  let doc: Record<string, XmlNode | XmlNode[]>;
  try {
    doc = parser(options.maxDepth ?? 64).parse(text) as Record<string, XmlNode | XmlNode[]>;
  } catch (e) {
    throw syntaxError(text, file, e);
  }
  const node = firstOf(doc[root]);
  if (node === undefined) {
    throw new AnnotkitError(ErrorCode.Parse, `expected a <${root}> root element`, {
      file,
      path: [root],
    });
  }
  return typeof node === 'string' ? ({} as XmlObject) : node;
}

function firstOf(v: XmlNode | XmlNode[] | undefined): XmlNode | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function syntaxError(text: string, file: string | undefined, cause: unknown): AnnotkitError {
  const msg = cause instanceof Error ? cause.message : String(cause);
  const m = /line:?\s*(\d+)/i.exec(msg);
  return new AnnotkitError(ErrorCode.Parse, `malformed XML: ${msg}`, {
    file,
    line: m ? Number(m[1]) : undefined,
    cause,
  });
}

const NAMED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/**
 * Decodes the five predefined XML entities and numeric character references. Any other entity
 * reference is left as written (documents with entity declarations are rejected earlier).
 */
export function decodeXmlEntities(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (m, body: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      const code =
        body[1] === 'x' || body[1] === 'X'
          ? parseInt(body.slice(2), 16)
          : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[body] ?? m;
  });
}

/** Escapes text for an XML attribute value or element content. */
export function escapeXml(s: string): string {
  if (!/[<>&"'\r\n\t]/.test(s)) return s;
  return s.replace(/[<>&"'\r\n\t]/g, (c) => ESC[c] ?? c);
}
const ESC: Readonly<Record<string, string>> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};

/** Escapes element text (newlines kept as written). */
export function escapeXmlText(s: string): string {
  if (!/[<>&]/.test(s)) return s;
  return s.replace(/[<>&]/g, (c) => ESC[c] ?? c);
}

/** The child elements named `tag` (empty when none). */
export function xmlChildren(node: XmlNode | undefined, tag: string): readonly XmlNode[] {
  if (node === undefined || typeof node === 'string' || tag === ATTRS || tag === TEXT)
    return NO_NODES;
  const v = node[tag];
  if (v === undefined) return NO_NODES;
  return Array.isArray(v) ? v : [v as XmlNode];
}

/** The first child element named `tag`, if any. */
export function xmlChild(node: XmlNode | undefined, tag: string): XmlNode | undefined {
  if (node === undefined || typeof node === 'string' || tag === ATTRS || tag === TEXT)
    return undefined;
  const v = node[tag];
  return Array.isArray(v) ? v[0] : (v as XmlNode | undefined);
}

/** The raw (still entity-encoded) attributes of an element. */
export function xmlAttrs(node: XmlNode | undefined): Readonly<Record<string, string>> {
  if (node === undefined || typeof node === 'string') return EMPTY_ATTRS;
  const a = node[ATTRS];
  return a !== undefined && typeof a === 'object' && !Array.isArray(a)
    ? (a as Readonly<Record<string, string>>)
    : EMPTY_ATTRS;
}

/** One attribute, entity-decoded; `undefined` when absent. */
export function xmlAttr(node: XmlNode | undefined, name: string): string | undefined {
  const v = xmlAttrs(node)[name];
  return v === undefined ? undefined : decodeXmlEntities(v);
}

/** The element's text, entity-decoded; `''` when empty. */
export function xmlText(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return decodeXmlEntities(node);
  const t = node[TEXT];
  return typeof t === 'string' ? decodeXmlEntities(t) : '';
}

/** Text of the first child `tag`, or `undefined` when there is no such child. */
export function xmlChildText(node: XmlNode | undefined, tag: string): string | undefined {
  const c = xmlChild(node, tag);
  return c === undefined ? undefined : xmlText(c);
}

/** Names of the child tags of an element, in first-seen order. */
export function xmlChildTags(node: XmlNode | undefined): string[] {
  if (node === undefined || typeof node === 'string') return [];
  const out: string[] = [];
  for (const k in node) if (k !== ATTRS && k !== TEXT) out.push(k);
  return out;
}
