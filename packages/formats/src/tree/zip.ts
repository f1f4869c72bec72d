/**
 * Zip archives as file trees, bounded for untrusted input.
 *
 * Why streaming per entry: a zip entry's declared uncompressed size is attacker-controlled, so an
 * entry is inflated chunk by chunk and stopped as soon as it exceeds what its header declared.
 * The sum of declared sizes is checked against the total budget before anything is inflated.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import JSZip from 'jszip';
import type { FileTree, OutputTree } from '../codec/types.js';
import { lazyTree } from './memory.js';
import { encodeText, normalizeEntryPath } from './paths.js';

/** Bounds for {@link treeFromZip}. */
export interface ZipLimits {
  /** Maximum number of entries (files and folders). Defaults to 100,000. */
  readonly maxEntries?: number;
  /** Maximum sum of the declared uncompressed sizes, in bytes. Defaults to 4 GiB (2^32). */
  readonly maxTotalSize?: number;
  /** Maximum uncompressed size of one entry, in bytes. Defaults to 2 GiB − 1 (2^31 − 1). */
  readonly maxEntrySize?: number;
}

interface ZipEntryInternals {
  readonly _data?: { readonly uncompressedSize?: number };
  readonly unsafeOriginalName?: string;
  /** JSZip's chunked reader (public in its docs, missing from its typings). */
  internalStream(type: 'uint8array'): ZipStream;
}
interface ZipStream {
  on(event: 'data', cb: (chunk: Uint8Array) => void): ZipStream;
  on(event: 'error', cb: (e: Error) => void): ZipStream;
  on(event: 'end', cb: () => void): ZipStream;
  pause(): ZipStream;
  resume(): ZipStream;
}

/**
 * Opens a zip archive. Entries whose names are absolute or contain `..` are ignored; folders are
 * implied by paths. Throws `AnnotkitError` `parse` for data that is not a zip and `limit` when
 * the archive is over the bounds. Reading an entry that inflates past its declared size throws
 * `limit`.
 */
export async function treeFromZip(bytes: Uint8Array, limits: ZipLimits = {}): Promise<FileTree> {
  const maxEntries = limits.maxEntries ?? 100_000;
  const maxTotal = limits.maxTotalSize ?? 2 ** 32;
  const maxEntry = limits.maxEntrySize ?? 2 ** 31 - 1;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { createFolders: false, checkCRC32: false });
  } catch (e) {
    throw new AnnotkitError(ErrorCode.Parse, `not a readable zip archive: ${String(e)}`, {
      cause: e,
    });
  }
  const names = Object.keys(zip.files);
  if (names.length > maxEntries) {
    throw new AnnotkitError(
      ErrorCode.Limit,
      `zip has ${names.length} entries, more than the limit of ${maxEntries}`,
    );
  }
  const sizes = new Map<string, number | undefined>();
  const objects = new Map<string, JSZip.JSZipObject>();
  let total = 0;
  for (const name of names) {
    const obj = zip.files[name];
    if (obj.dir) continue;
    // JSZip rewrites `../x` to `x`; judge the name as the archive wrote it.
    const original = (obj as unknown as ZipEntryInternals).unsafeOriginalName ?? name;
    const path = normalizeEntryPath(original);
    if (path === undefined || path !== normalizeEntryPath(name)) continue;
    const declared = (obj as unknown as ZipEntryInternals)._data?.uncompressedSize;
    if (typeof declared !== 'number' || !Number.isFinite(declared) || declared < 0) {
      throw new AnnotkitError(ErrorCode.Parse, 'zip entry has no declared size', { file: path });
    }
    if (declared > maxEntry) {
      throw new AnnotkitError(
        ErrorCode.Limit,
        `zip entry declares ${declared} bytes, more than the limit of ${maxEntry}`,
        { file: path },
      );
    }
    total += declared;
    if (total > maxTotal) {
      throw new AnnotkitError(
        ErrorCode.Limit,
        `zip inflates to more than the limit of ${maxTotal} bytes`,
        { file: path },
      );
    }
    sizes.set(path, declared);
    objects.set(path, obj);
  }
  return lazyTree(sizes, (path) =>
    inflateBounded(objects.get(path) as JSZip.JSZipObject, sizes.get(path) ?? 0, path),
  );
}

function inflateBounded(
  obj: JSZip.JSZipObject,
  declared: number,
  path: string,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const out = new Uint8Array(declared);
    let at = 0;
    let failed = false;
    const stream = (obj as unknown as ZipEntryInternals).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        if (failed) return;
        if (at + chunk.length > declared) {
          failed = true;
          stream.pause();
          reject(
            new AnnotkitError(
              ErrorCode.Limit,
              `zip entry inflates past its declared size of ${declared} bytes`,
              { file: path },
            ),
          );
          return;
        }
        out.set(chunk, at);
        at += chunk.length;
      })
      .on('error', (e: Error) => {
        if (failed) return;
        failed = true;
        reject(
          new AnnotkitError(ErrorCode.Parse, `corrupt zip entry: ${e.message}`, {
            file: path,
            cause: e,
          }),
        );
      })
      .on('end', () => {
        if (failed) return;
        if (at !== declared) {
          reject(
            new AnnotkitError(
              ErrorCode.Parse,
              `zip entry inflated to ${at} bytes but declares ${declared}`,
              { file: path },
            ),
          );
          return;
        }
        resolve(out);
      })
      .resume();
  });
}

/** Options for {@link treeToZip}. */
export interface ZipWriteOptions {
  /** Deflate level 0–9; 0 stores. Defaults to 6. */
  readonly level?: number;
}

/** Writes an export's output as a zip archive (text as UTF-8, deflated). */
export async function treeToZip(
  output: OutputTree,
  options: ZipWriteOptions = {},
): Promise<Uint8Array> {
  const zip = new JSZip();
  const level = options.level ?? 6;
  for (const [path, v] of output) {
    const p = normalizeEntryPath(path);
    if (p === undefined) {
      throw new AnnotkitError(ErrorCode.InvalidType, `unsafe path in output: ${path}`, {
        file: path,
      });
    }
    zip.file(p, typeof v === 'string' ? encodeText(v) : v, { createFolders: false });
  }
  return zip.generateAsync({
    type: 'uint8array',
    compression: level === 0 ? 'STORE' : 'DEFLATE',
    compressionOptions: { level },
  });
}
