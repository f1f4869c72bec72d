import { benchDocument } from './formats.bench.js';
import { cvatImagesCodec } from '@annotkit/formats';
import { XMLParser } from 'fast-xml-parser';
import { readCvatXml } from '../../packages/formats/src/formats/cvat/read.js';
import { checkXmlStructure } from '../../packages/formats/src/util/xmlStructure.js';
import { parseXml } from '../../packages/formats/src/util/xml.js';
const full = benchDocument();
const F = Number(process.argv[2] ?? 200);
const doc = { ...full, media: { ...full.media, frames: full.media.frames.slice(0, F) }, objects: full.objects.filter((o) => (o as { frame: number }).frame < F) };
const xml = (await cvatImagesCodec.export(doc)).tree.get('annotations.xml') as string;
const cases: [string, () => unknown][] = [
  ['bare', () => new XMLParser({ ignoreAttributes: false }).parse(xml)],
  ['check', () => checkXmlStructure(xml, 'a', 64)],
  ['parseXml', () => parseXml(xml, 'annotations')],
  ['readCvatXml', () => readCvatXml(xml, 'a.xml')],
];
const s: Record<string, number[]> = {};
for (let r = 0; r < 7; r++) for (const [n, f] of cases) { const t0 = performance.now(); f(); (s[n] ??= []).push(performance.now() - t0); }
for (const n in s) { const v = s[n].sort((a, b) => a - b); console.log(n, 'median', v[3].toFixed(0), '|', v.map((x) => x.toFixed(0)).join(' ')); }
