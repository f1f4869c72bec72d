import { benchDocument } from './formats.bench.js';
import { cvatImagesCodec } from '@annotkit/formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readCvatXml } from '../../packages/formats/src/formats/cvat/read.js';
const doc = benchDocument();
const xml = (await cvatImagesCodec.export(doc)).tree.get('annotations.xml') as string;
function t(name: string, f: () => unknown, n = 3) {
  const s: number[] = [];
  for (let i = 0; i < n; i++) { const t0 = performance.now(); f(); s.push(performance.now() - t0); }
  s.sort((a, b) => a - b);
  console.log(name, s.map((x) => x.toFixed(0)).join(' '));
}
t('bare', () => new XMLParser({ ignoreAttributes: false }).parse(xml));
t('validate', () => XMLValidator.validate(xml));
t('ours-parse-opts', () => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', attributesGroupName: '$', textNodeName: '#text', processEntities: false, htmlEntities: false, parseTagValue: false, parseAttributeValue: false, ignoreDeclaration: true, ignorePiTags: true, trimValues: true, isArray: (_n: string, _p: unknown, _l: boolean, a: boolean) => !a, maxNestedTags: 64 }).parse(xml));
t('readCvatXml', () => readCvatXml(xml, 'a.xml'));
