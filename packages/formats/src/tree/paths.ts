/** Path rules shared by every file tree. */

/**
 * Normalises an entry name to a relative POSIX path: backslashes become `/`, `./` and empty
 * segments are removed. Returns `undefined` for names that are absolute (`/x`, `C:\x`) or
 * contain a `..` segment: such entries are ignored.
 */
export function normalizeEntryPath(name: string): string | undefined {
  const p = name.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[a-zA-Z]:/.test(p)) return undefined;
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') return undefined;
    parts.push(seg);
  }
  return parts.length > 0 ? parts.join('/') : undefined;
}

const decoder = new TextDecoder('utf-8');

/** Decodes UTF-8, stripping a leading BOM. */
export function decodeText(bytes: Uint8Array): string {
  const s = decoder.decode(bytes);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

const encoder = new TextEncoder();

/** Encodes text as UTF-8. */
export function encodeText(s: string): Uint8Array {
  return encoder.encode(s);
}
