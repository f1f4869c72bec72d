/**
 * A YAML subset reader for Ultralytics `data.yaml` files — not a YAML implementation. It reads
 * what these files hold in the wild: top-level `key: value` pairs, comments, block lists
 * (`- item`), one level of nested maps (`names:\n  0: person`), flow lists (`[17, 3]`, `[a, b]`),
 * quoted and plain scalars, and empty values (null). Anything else is an `AnnotkitError` naming
 * the file and line, never a guess.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';

/** A value of the subset: scalars stay strings (numbers are not converted), or null. */
export type YamlValue = string | null | YamlValue[] | { [key: string]: YamlValue };

/** Largest accepted file, in characters. Defaults to 1 MiB (2^20). */
export const MAX_YAML_CHARS = 2 ** 20;

function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i);
  }
  return line;
}

function scalar(raw: string, file: string, line: number): YamlValue {
  const s = raw.trim();
  if (s === '' || s === '~' || s === 'null') return null;
  if (s.startsWith('[')) {
    if (!s.endsWith(']'))
      throw new AnnotkitError(ErrorCode.Parse, 'unclosed flow list', { file, line });
    const inner = s.slice(1, -1).trim();
    if (inner === '') return [];
    return splitFlow(inner).map((p) => scalar(p, file, line));
  }
  if (s.startsWith('{')) {
    throw new AnnotkitError(ErrorCode.Parse, 'flow maps are not supported', { file, line });
  }
  if ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'"))) {
    return s.length >= 2 ? s.slice(1, -1) : '';
  }
  return s;
}

function splitFlow(s: string): string[] {
  const out: string[] = [];
  let quote = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ',') {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

/** Splits `key: value` at the first `:` followed by a space or the end; undefined when none. */
function splitKey(s: string): [string, string] | undefined {
  const m = /^("[^"]*"|'[^']*'|[^:]+?)\s*:(?:\s+(.*))?$/.exec(s);
  if (!m) return undefined;
  let key = m[1].trim();
  if ((key.startsWith('"') || key.startsWith("'")) && key.length >= 2) key = key.slice(1, -1);
  return [key, m[2] ?? ''];
}

/**
 * Parses the subset into a top-level map. Keys `__proto__`, `constructor` and `prototype` are
 * ignored; the result objects have no prototype.
 */
export function parseYamlSubset(text: string, file: string): { [key: string]: YamlValue } {
  if (text.length > MAX_YAML_CHARS) {
    throw new AnnotkitError(ErrorCode.Limit, `YAML file is larger than ${MAX_YAML_CHARS} chars`, {
      file,
    });
  }
  const root: { [key: string]: YamlValue } = Object.create(null) as { [key: string]: YamlValue };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let current: { key: string; indent: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = stripComment(lines[i]).replace(/\s+$/, '');
    if (raw.trim() === '' || raw.trim() === '---') continue;
    if (raw.includes('\t') && /^\s*\t/.test(raw)) {
      throw new AnnotkitError(ErrorCode.Parse, 'tabs are not allowed for indentation', {
        file,
        line: lineNo,
      });
    }
    const indent = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (indent === 0) {
      const kv = splitKey(body);
      if (!kv)
        throw new AnnotkitError(ErrorCode.Parse, 'expected "key: value"', { file, line: lineNo });
      const [key, value] = kv;
      current = undefined;
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
      root[key] = scalar(value, file, lineNo);
      if (value.trim() === '') current = { key, indent: -1 };
      continue;
    }
    if (!current) {
      throw new AnnotkitError(ErrorCode.Parse, 'unexpected indentation', { file, line: lineNo });
    }
    if (current.indent === -1) current.indent = indent;
    else if (indent !== current.indent) {
      throw new AnnotkitError(ErrorCode.Parse, 'inconsistent indentation', { file, line: lineNo });
    }
    const container = root[current.key];
    if (body.startsWith('- ') || body === '-') {
      if (container !== null && !Array.isArray(container)) {
        throw new AnnotkitError(ErrorCode.Parse, 'list item inside a map', { file, line: lineNo });
      }
      const list = (container ?? []) as YamlValue[];
      list.push(scalar(body.slice(1), file, lineNo));
      root[current.key] = list;
    } else {
      const kv = splitKey(body);
      if (!kv || Array.isArray(container)) {
        throw new AnnotkitError(ErrorCode.Parse, 'expected "key: value" or "- item"', {
          file,
          line: lineNo,
        });
      }
      const map = (container ?? Object.create(null)) as { [key: string]: YamlValue };
      if (kv[0] !== '__proto__' && kv[0] !== 'constructor' && kv[0] !== 'prototype') {
        map[kv[0]] = scalar(kv[1], file, lineNo);
      }
      root[current.key] = map;
    }
  }
  return root;
}

/** Serialises a flat config (strings, string lists, string maps) in the same subset. */
export function writeYamlSubset(entries: readonly (readonly [string, YamlValue])[]): string {
  const q = (s: string): string =>
    /^[\w./-][\w ./()-]*$/.test(s) && !/^\d/.test(s.trim()) ? s : JSON.stringify(s);
  const qv = (s: string): string =>
    /^[\w./-][\w ./()'-]*$/.test(s) && s.trim() === s ? s : JSON.stringify(s);
  let out = '';
  for (const [key, value] of entries) {
    if (value === null) out += `${key}:\n`;
    else if (typeof value === 'string') out += `${key}: ${qv(value)}\n`;
    else if (Array.isArray(value))
      out += `${key}: [${value.map((v) => (typeof v === 'string' ? qv(v) : '')).join(', ')}]\n`;
    else {
      out += `${key}:\n`;
      for (const [k, v] of Object.entries(value))
        out += `  ${/^\d+$/.test(k) ? k : q(k)}: ${typeof v === 'string' ? qv(v) : ''}\n`;
    }
  }
  return out;
}
