/**
 * Pascal VOC `labelmap.txt`: `# label:color_rgb:parts:actions` then one
 * `name:r,g,b:part1,part2:action1,action2` line per label (empty fields allowed). Without a file,
 * the VOC 2012 classes are used with the VOC palette colours by position.
 */
import { AnnotkitError, ErrorCode } from '@annotkit/core';
import { vocColor } from '../../png/palette.js';

/** One label-map entry. */
export interface LabelMapEntry {
  readonly name: string;
  /** `[r, g, b]`, or undefined when the line leaves the colour empty. */
  readonly color: [number, number, number] | undefined;
  readonly parts: readonly string[];
  readonly actions: readonly string[];
}

/** The VOC 2012 classes in index order (0 = background), plus `ignored` (palette 255). */
export const VOC_CLASSES = [
  'background',
  'aeroplane',
  'bicycle',
  'bird',
  'boat',
  'bottle',
  'bus',
  'car',
  'cat',
  'chair',
  'cow',
  'diningtable',
  'dog',
  'horse',
  'motorbike',
  'person',
  'pottedplant',
  'sheep',
  'sofa',
  'train',
  'tvmonitor',
] as const;

/** VOC person parts and actions (the default map's `person` entry). */
const VOC_PARTS = ['head', 'hand', 'foot'];
const VOC_ACTIONS = [
  'other',
  'jumping',
  'phoning',
  'playinginstrument',
  'reading',
  'ridingbike',
  'ridinghorse',
  'running',
  'takingphoto',
  'usingcomputer',
  'walking',
];

/** The default VOC label map. */
export function defaultLabelMap(): LabelMapEntry[] {
  const out: LabelMapEntry[] = VOC_CLASSES.map((name, i) => ({
    name,
    color: vocColor(i),
    parts: name === 'person' ? VOC_PARTS : [],
    actions: name === 'person' ? VOC_ACTIONS : [],
  }));
  out.push({ name: 'ignored', color: vocColor(255), parts: [], actions: [] });
  return out;
}

/** Parses `labelmap.txt`; throws `parse` naming file and line for a malformed line. */
export function parseLabelMap(text: string, file: string): LabelMapEntry[] {
  const out: LabelMapEntry[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const f = line.split(':');
    if (f.length !== 4 || f[0] === '') {
      throw new AnnotkitError(ErrorCode.Parse, 'expected "name:r,g,b:parts:actions"', {
        file,
        line: i + 1,
      });
    }
    let color: [number, number, number] | undefined;
    if (f[1] !== '') {
      const c = f[1].split(',').map((s) => Number(s.trim()));
      if (c.length !== 3 || c.some((v) => !Number.isInteger(v) || v < 0 || v > 255)) {
        throw new AnnotkitError(ErrorCode.Parse, `bad colour "${f[1]}"`, { file, line: i + 1 });
      }
      color = [c[0], c[1], c[2]];
    }
    const list = (s: string): string[] =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '');
    out.push({ name: f[0], color, parts: list(f[2]), actions: list(f[3]) });
  }
  return out;
}

/** Writes `labelmap.txt`. */
export function writeLabelMap(entries: readonly LabelMapEntry[]): string {
  let out = '# label:color_rgb:parts:actions\n';
  for (const e of entries) {
    out += `${e.name}:${e.color ? e.color.join(',') : ''}:${e.parts.join(',')}:${e.actions.join(',')}\n`;
  }
  return out;
}
