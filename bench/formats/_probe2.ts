import { benchDocument } from './formats.bench.js';
import { cvatImagesCodec } from '@annotkit/formats';
import { XMLParser } from 'fast-xml-parser';
const full = benchDocument();
const doc = { ...full, media: { ...full.media, frames: full.media.frames.slice(0, 200) }, objects: full.objects.filter((o) => (o as { frame: number }).frame < 200) };
const xml = (await cvatImagesCodec.export(doc)).tree.get('annotations.xml') as string;
const base = { ignoreAttributes: false } as const;
const cases: [string, () => unknown][] = [
  ['bare', () => new XMLParser(base).parse(xml)],
  ['group', () => new XMLParser({ ...base, attributeNamePrefix: '', attributesGroupName: '$' }).parse(xml)],
  ['isArray', () => new XMLParser({ ...base, isArray: (_n: string, _p: unknown, _l: boolean, a: boolean) => !a }).parse(xml)],
  ['noparse', () => new XMLParser({ ...base, parseTagValue: false, parseAttributeValue: false, processEntities: false, htmlEntities: false }).parse(xml)],
  ['ours', () => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', attributesGroupName: '$', textNodeName: '#text', processEntities: false, htmlEntities: false, parseTagValue: false, parseAttributeValue: false, ignoreDeclaration: true, ignorePiTags: true, trimValues: true, maxNestedTags: 64 }).parse(xml)],
];
const s: Record<string, number[]> = {};
for (let r = 0; r < 7; r++) for (const [n, f] of cases) { const t0 = performance.now(); f(); (s[n] ??= []).push(performance.now() - t0); }
for (const n in s) { const v = s[n].sort((a, b) => a - b); console.log(n, v[3].toFixed(0), v.map((x) => x.toFixed(0)).join(' ')); }
