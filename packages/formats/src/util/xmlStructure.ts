/**
 * A single-pass XML structure check, run before fast-xml-parser.
 *
 * Why: the parser accepts an unclosed element without complaint (a truncated annotations file
 * would import as a smaller dataset), and its validator costs as much as a second parse. This scan
 * walks the text once with `indexOf` and `charCodeAt`, keeps open elements as offsets in a typed
 * stack (no string per element) and checks what the parser does not: every start tag is closed by
 * the same name in order, attributes are `name="value"` or `name='value'`, comments, CDATA
 * sections and processing instructions are terminated, and there is exactly one root element with
 * nothing but whitespace, comments and processing instructions around it. It does not check
 * character classes of names or entity syntax (entities are never expanded; see `xml.ts`).
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const BANG = 33; // !
const QUESTION = 63; // ?
const EQ = 61; // =
const DQ = 34; // "
const SQ = 39; // '

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** End (exclusive) of a tag or attribute name starting at `i`. */
function nameEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === GT || c === SLASH || c === EQ || c === LT) break;
    i++;
  }
  return i;
}

/** 1-based line number of offset `at`. */
function lineOf(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function fail(text: string, file: string | undefined, at: number, message: string): never {
  throw new AnnotkitError(ErrorCode.Parse, `malformed XML: ${message}`, {
    file,
    line: lineOf(text, at),
  });
}

/**
 * Checks the structure of `text` (see the module note) and throws `AnnotkitError` `parse` with
 * the file and the 1-based line of the first problem. `maxDepth` bounds element nesting (throws
 * `limit` above it). Runs in time linear in the text length and allocates O(maxDepth).
 */
export function checkXmlStructure(text: string, file: string | undefined, maxDepth: number): void {
  const n = text.length;
  const starts = new Int32Array(maxDepth + 1);
  const ends = new Int32Array(maxDepth + 1);
  let depth = 0;
  let roots = 0;
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (depth === 0) {
      const t = firstText(text, i, lt === -1 ? n : lt);
      if (t !== -1) {
        const where = roots === 0 ? 'before' : 'after';
        fail(text, file, t, `text ${where} the root element`);
      }
    }
    if (lt === -1) break;
    const c = text.charCodeAt(lt + 1);
    if (c === BANG) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end === -1) fail(text, file, lt, 'unterminated comment');
        i = end + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        if (depth === 0) fail(text, file, lt, 'CDATA outside the root element');
        const end = text.indexOf(']]>', lt + 9);
        if (end === -1) fail(text, file, lt, 'unterminated CDATA section');
        i = end + 3;
      } else if (text.startsWith('<!DOCTYPE', lt) && roots === 0 && depth === 0) {
        i = skipDoctype(text, lt, file);
      } else {
        fail(text, file, lt, 'unexpected "<!"');
      }
      continue;
    }
    if (c === QUESTION) {
      const end = text.indexOf('?>', lt + 2);
      if (end === -1) fail(text, file, lt, 'unterminated processing instruction');
      i = end + 2;
      continue;
    }
    if (c === SLASH) {
      const s = lt + 2;
      const e = nameEnd(text, s);
      let j = e;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (j >= n || text.charCodeAt(j) !== GT) fail(text, file, lt, 'unterminated end tag');
      if (depth === 0) fail(text, file, lt, `end tag </${text.slice(s, e)}> without a start tag`);
      const os = starts[depth - 1];
      const oe = ends[depth - 1];
      if (oe - os !== e - s || !sameName(text, os, s, e - s)) {
        fail(
          text,
          file,
          lt,
          `expected </${text.slice(os, oe)}> (opened on line ${lineOf(text, os)}), found </${text.slice(s, e)}>`,
        );
      }
      depth--;
      i = j + 1;
      continue;
    }
    // A start tag.
    const s = lt + 1;
    const e = nameEnd(text, s);
    if (e === s) fail(text, file, lt, 'a "<" that does not start a tag');
    if (depth === 0) {
      if (roots > 0) fail(text, file, lt, 'more than one root element');
      roots++;
    }
    let j = e;
    let selfClosing = false;
    // Values cannot hold "<": the next "<" after the name bounds every value of this tag.
    const nextLt = text.indexOf('<', e);
    for (;;) {
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (j >= n) fail(text, file, lt, `unterminated start tag <${text.slice(s, e)}>`);
      const ch = text.charCodeAt(j);
      if (ch === GT) {
        j++;
        break;
      }
      if (ch === SLASH) {
        if (text.charCodeAt(j + 1) !== GT) fail(text, file, j, 'expected "/>"');
        selfClosing = true;
        j += 2;
        break;
      }
      if (j === e || !isSpace(text.charCodeAt(j - 1)))
        fail(text, file, j, 'attributes must be separated by whitespace');
      const as = j;
      const ne = nameEnd(text, j);
      if (ne === j) fail(text, file, j, 'malformed attribute');
      j = ne;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== EQ)
        fail(text, file, j, `attribute "${text.slice(as, ne)}" has no value`);
      j++;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const q = text.charCodeAt(j);
      if (q !== DQ && q !== SQ) fail(text, file, j, 'attribute values must be quoted');
      const close = text.indexOf(q === DQ ? '"' : "'", j + 1);
      if (close === -1) fail(text, file, j, 'unterminated attribute value');
      if (nextLt !== -1 && nextLt < close)
        fail(text, file, nextLt, '"<" inside an attribute value');
      j = close + 1;
    }
    if (!selfClosing) {
      if (depth >= maxDepth) {
        throw new AnnotkitError(ErrorCode.Limit, `XML nests deeper than ${maxDepth} elements`, {
          file,
          line: lineOf(text, lt),
        });
      }
      starts[depth] = s;
      ends[depth] = e;
      depth++;
    }
    i = j;
  }
  if (depth > 0) {
    const os = starts[depth - 1];
    fail(text, file, os, `<${text.slice(os, ends[depth - 1])}> is never closed`);
  }
  if (roots === 0) fail(text, file, n, 'no root element');
}

function sameName(text: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/** Offset of the first non-whitespace character in [from, to), or −1. */
function firstText(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) if (!isSpace(text.charCodeAt(k))) return k;
  return -1;
}

/** Skips `<!DOCTYPE …>` including an internal subset in brackets. */
function skipDoctype(text: string, lt: number, file: string | undefined): number {
  let k = lt + 9;
  let bracket = false;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 91 /* [ */) bracket = true;
    else if (c === 93 /* ] */) bracket = false;
    else if (c === DQ || c === SQ) {
      const close = text.indexOf(c === DQ ? '"' : "'", k + 1);
      if (close === -1) break;
      k = close;
    } else if (c === GT && !bracket) return k + 1;
  }
  return fail(text, file, lt, 'unterminated DOCTYPE');
}
