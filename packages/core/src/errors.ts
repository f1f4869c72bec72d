/**
 * Typed errors. Every public function of AnnotKit that rejects input throws (or returns) an
 * `AnnotkitError` with a stable `code`, a `path` to the offending field and a readable message.
 */

/** Stable error codes. Codes are part of the public API: never rename one, only add. */
export const ErrorCode = {
  /** A value has the wrong JSON type or shape. */
  InvalidType: 'invalid-type',
  /** A number is NaN or ±Infinity. */
  NotFinite: 'not-finite',
  /** A geometry has the wrong number of points/coordinates. */
  PointCount: 'point-count',
  /** A geometry is degenerate (zero area where area is required, inverted box, …). */
  InvalidGeometry: 'invalid-geometry',
  /** A label id does not exist in the document. */
  UnknownLabel: 'unknown-label',
  /** An attribute id does not exist on the label. */
  UnknownAttribute: 'unknown-attribute',
  /** An attribute value is outside its spec. */
  AttributeValue: 'attribute-value',
  /** The shape type is not allowed by the label. */
  LabelShapeType: 'label-shape-type',
  /** An object id does not exist. */
  UnknownObject: 'unknown-object',
  /** An id is used twice. */
  DuplicateId: 'duplicate-id',
  /** A frame index is outside the media. */
  FrameRange: 'frame-range',
  /** Track keyframes are missing, unsorted or duplicated. */
  Keyframes: 'keyframes',
  /** Two visible shapes on one frame while merging into a track. */
  MergeOverlap: 'merge-overlap',
  /** An operation does not apply to these objects (wrong kind, mixed labels, …). */
  Unsupported: 'unsupported',
  /** A serialized document has a schema version newer than this library. */
  SchemaVersion: 'schema-version',
  /** An input exceeds a safety bound (size, depth, count). */
  Limit: 'limit',
  /** A file or record could not be parsed. */
  Parse: 'parse',
  /** An operation was aborted through its AbortSignal. */
  Aborted: 'aborted',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Path to the offending field, e.g. `['objects', 3, 'geometry', 'points']`. */
export type ErrorPath = readonly (string | number)[];

export interface AnnotkitErrorOptions {
  /** Path to the offending field. Defaults to `[]`. */
  readonly path?: ErrorPath;
  /** File the error comes from, when parsing files. */
  readonly file?: string;
  /** 1-based line in `file`, when known. */
  readonly line?: number;
  /** A partial result, where one is possible. */
  readonly partial?: unknown;
  readonly cause?: unknown;
}

/** Formats a path as `objects[3].geometry.points`. */
export function formatPath(path: ErrorPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** The one error type of AnnotKit. */
export class AnnotkitError extends Error {
  override readonly name = 'AnnotkitError';
  readonly code: ErrorCode;
  readonly path: ErrorPath;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly partial: unknown;
  /** The message without the file/line/path prefix that `message` starts with. */
  readonly detail: string;

  constructor(code: ErrorCode, message: string, options: AnnotkitErrorOptions = {}) {
    const where = [
      options.file !== undefined
        ? options.line !== undefined
          ? `${options.file}:${options.line}`
          : options.file
        : '',
      options.path && options.path.length > 0 ? formatPath(options.path) : '',
    ]
      .filter((s) => s !== '')
      .join(' ');
    super(where ? `${where}: ${message}` : message, { cause: options.cause });
    this.code = code;
    this.path = options.path ?? [];
    this.file = options.file;
    this.line = options.line;
    this.partial = options.partial;
    this.detail = message;
  }
}

/** True when `e` is an `AnnotkitError`, optionally with the given code. */
export function isAnnotkitError(e: unknown, code?: ErrorCode): e is AnnotkitError {
  return e instanceof AnnotkitError && (code === undefined || e.code === code);
}
