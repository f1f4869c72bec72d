/**
 * The `annotkit` command line: `convert`, `detect`, `validate`, `stats`, `formats`. `runCli`
 * takes the arguments and an output sink and returns the exit code, so tests run it in-process;
 * `main.ts` binds it to the process.
 *
 * Exit codes: 0 success, 1 failure (bad or unrecognised data, lossy write refused, I/O error),
 * 2 usage error (unknown command or option, missing argument).
 */
/// <reference types="node" />
import { parseArgs } from 'node:util';
import {
  createDocument,
  formatPath,
  isAnnotkitError,
  labelStatistics,
  validateDocumentData,
} from '@annotkit/core';
import type { AnnotkitError, DocumentData } from '@annotkit/core';
import type { Codec, ImportWarning } from '../codec/types.js';
import { detectFormat } from '../detect.js';
import { codecs } from '../registry.js';
import { chooseCodec, exportDatasetTree } from '../api/dataset.js';
import { readInputWithKind, writeOutput } from '../node.js';
import type { ReadInputResult } from '../node.js';
import { createProgressBar } from './progress.js';
import type { CliIo } from './progress.js';
import { formatStats, statsJson } from './stats.js';
import { CLI_VERSION } from './version.js';

export type { CliIo };

/** Inputs at least this large (bytes) get a progress bar on a terminal: 1 MiB. */
export const PROGRESS_THRESHOLD = 1024 * 1024;

const USAGE = `Usage: annotkit <command> [options]

Commands:
  convert <in> <out> --to <format> [--from <format>] [--subset <name>]
                          convert a dataset; <out> ending in .zip writes a zip, else a folder
  detect <in>             list the formats <in> could be in, best first
  validate <in> [--format <format>]
                          import <in> and check it; warnings go to stderr
  stats <in> [--format <format>] [--json]
                          labels, frames, shapes by type, tracks, tags
  formats                 list the format ids and names

<in> is a zip archive, a folder or a single annotation file.

Options:
  -h, --help              show this help
  -v, --version           print the version
  -q, --quiet             no progress bar

Exit codes: 0 ok, 1 failure, 2 usage error.
`;

class UsageError extends Error {}

interface Parsed {
  readonly command: string | undefined;
  readonly args: readonly string[];
  readonly from?: string;
  readonly to?: string;
  readonly format?: string;
  readonly subset?: string;
  readonly json: boolean;
  readonly help: boolean;
  readonly version: boolean;
  readonly quiet: boolean;
}

function parse(argv: readonly string[]): Parsed {
  let r;
  try {
    r = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string', short: 'f' },
        subset: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        quiet: { type: 'boolean', short: 'q' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const [command, ...args] = r.positionals;
  const v = r.values;
  return {
    command,
    args,
    from: v.from,
    to: v.to,
    format: v.format,
    subset: v.subset,
    json: v.json === true,
    help: v.help === true,
    version: v.version === true,
    quiet: v.quiet === true,
  };
}

function need(p: Parsed, count: number, names: string): void {
  if (p.args.length < count) throw new UsageError(`${p.command}: missing ${names}`);
  if (p.args.length > count) {
    throw new UsageError(`${p.command}: unexpected argument "${p.args[count]}"`);
  }
}

/** The display name of an error's file: inside the input for folders and zips. */
function displayFile(e: AnnotkitError, input: string | undefined, kind: string | undefined) {
  if (e.file === undefined) return input;
  if (input === undefined || kind === 'file' || e.file === input || e.file.startsWith('/')) {
    return kind === 'file' ? input : e.file;
  }
  return `${input.replace(/\/+$/, '')}/${e.file}`;
}

/** `annotkit: <file>:<line>: <path>: <message>` for an AnnotkitError (parts present only when known). */
export function errorLine(e: unknown, input?: string, kind?: string): string {
  if (isAnnotkitError(e)) {
    const file = displayFile(e, input, kind);
    const where = file !== undefined ? `${file}${e.line !== undefined ? `:${e.line}` : ''}: ` : '';
    const path = e.path.length > 0 ? `${formatPath(e.path)}: ` : '';
    return `annotkit: ${where}${path}${e.detail}`.replace(/\s*\n\s*/g, ' ');
  }
  const msg = e instanceof Error ? e.message : String(e);
  return `annotkit: ${input !== undefined ? `${input}: ` : ''}${msg}`.replace(/\s*\n\s*/g, ' ');
}

function warningLine(w: ImportWarning, input: string, kind: string): string {
  const file =
    w.file === undefined
      ? input
      : kind === 'file'
        ? input
        : `${input.replace(/\/+$/, '')}/${w.file}`;
  const line = w.line !== undefined ? `:${w.line}` : '';
  const count = w.count !== undefined && w.count > 1 ? ` (${w.count} times)` : '';
  return `annotkit: warning: ${file}${line}: ${w.message}${count}`;
}

interface Loaded {
  readonly input: ReadInputResult;
  readonly codec: Codec;
  readonly document: DocumentData;
  readonly warnings: readonly ImportWarning[];
}

/** Where an error came from, for its one-line report. */
interface ErrorContext {
  input?: string;
  kind?: string;
}

/** Reads `path`, picks the codec (given or detected), imports and validates. */
async function loadDataset(
  io: CliIo,
  p: Parsed,
  path: string,
  format: string | undefined,
  ctx: ErrorContext,
): Promise<Loaded> {
  ctx.input = path;
  const input = await readInputWithKind(path);
  ctx.kind = input.kind;
  const codec = await chooseCodec(input.tree, format);
  const bar = createProgressBar(io, 'importing', !p.quiet && input.size >= PROGRESS_THRESHOLD);
  try {
    const { document, warnings } = await codec.import(input.tree, {
      onProgress: (f) => bar.update(f),
    });
    validateDocumentData(document);
    return { input, codec, document, warnings };
  } finally {
    bar.done();
  }
}

type Command = (io: CliIo, p: Parsed, ctx: ErrorContext) => Promise<number>;

const commands: Record<string, Command> = {
  async formats(io, p) {
    need(p, 0, '');
    const width = Math.max(...codecs.map((c) => c.id.length));
    for (const c of codecs) io.stdout(`${c.id.padEnd(width)}  ${c.name}\n`);
    return 0;
  },

  async detect(io, p, ctx) {
    need(p, 1, '<in>');
    ctx.input = p.args[0];
    const { tree, kind } = await readInputWithKind(p.args[0]);
    ctx.kind = kind;
    const r = await detectFormat(tree);
    for (const c of r.candidates) {
      io.stdout(`${c.codec.id}\t${c.confidence.toFixed(2)}\t${c.codec.name}\n`);
    }
    if (r.best === undefined) {
      io.stderr(`annotkit: ${p.args[0]}: no known dataset format recognised\n`);
      return 1;
    }
    if (r.unsure) {
      io.stderr(`annotkit: ${p.args[0]}: the format is ambiguous; pass --format/--from\n`);
      return 1;
    }
    return 0;
  },

  async validate(io, p, ctx) {
    need(p, 1, '<in>');
    const r = await loadDataset(io, p, p.args[0], p.format, ctx);
    for (const w of r.warnings) io.stderr(`${warningLine(w, p.args[0], r.input.kind)}\n`);
    const d = r.document;
    io.stdout(
      `ok: ${p.args[0]}: ${r.codec.name} (${r.codec.id}), ${d.media.frames.length} frames, ` +
        `${d.labels.length} labels, ${d.objects.length} objects, ${r.warnings.length} warnings\n`,
    );
    return 0;
  },

  async stats(io, p, ctx) {
    need(p, 1, '<in>');
    const r = await loadDataset(io, p, p.args[0], p.format, ctx);
    const stats = labelStatistics(createDocument(r.document));
    const data = statsJson(r.document, stats, r.codec.id);
    io.stdout(p.json ? `${JSON.stringify(data, null, 2)}\n` : formatStats(data, r.codec.name));
    return 0;
  },

  async convert(io, p, ctx) {
    need(p, 2, '<in> <out>');
    if (p.to === undefined) throw new UsageError('convert: --to <format> is required');
    if (!codecs.some((c) => c.id === p.to)) {
      throw new UsageError(`convert: unknown format "${p.to}" (see "annotkit formats")`);
    }
    if (p.from !== undefined && !codecs.some((c) => c.id === p.from)) {
      throw new UsageError(`convert: unknown format "${p.from}" (see "annotkit formats")`);
    }
    const [inPath, outPath] = p.args;
    const r = await loadDataset(io, p, inPath, p.from, ctx);
    const input = r.input;
    for (const w of r.warnings) io.stderr(`${warningLine(w, inPath, input.kind)}\n`);
    ctx.input = undefined;
    ctx.kind = undefined;
    const bar = createProgressBar(io, 'exporting', !p.quiet && input.size >= PROGRESS_THRESHOLD);
    let out;
    try {
      out = await exportDatasetTree(r.document, p.to, {
        subset: p.subset,
        onProgress: (f) => bar.update(f),
      });
    } finally {
      bar.done();
    }
    for (const d of out.dropped) {
      io.stderr(`annotkit: dropped: ${d.count} ${d.what}: ${d.reason}\n`);
    }
    await writeOutput(out.tree, outPath);
    io.stdout(
      `${inPath} (${r.codec.id}) -> ${outPath} (${p.to}): ${out.tree.size} files, ` +
        `${r.document.objects.length} objects, ${out.dropped.length} kinds dropped\n`,
    );
    return 0;
  },
};

/**
 * Runs the CLI with `argv` (the arguments after the program name) and returns the exit code.
 * Never throws: failures are reported as one line on `io.stderr`.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx: ErrorContext = {};
  try {
    const p = parse(argv);
    if (p.version) {
      io.stdout(`${CLI_VERSION}\n`);
      return 0;
    }
    if (p.help || p.command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (p.command === undefined) {
      io.stderr(USAGE);
      return 2;
    }
    const cmd = Object.hasOwn(commands, p.command) ? commands[p.command] : undefined;
    if (!cmd) throw new UsageError(`unknown command "${p.command}"`);
    return await cmd(io, p, ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`annotkit: ${e.message}\nRun "annotkit --help" for usage.\n`);
      return 2;
    }
    io.stderr(`${errorLine(e, ctx.input, ctx.kind)}\n`);
    return 1;
  }
}
