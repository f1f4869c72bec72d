import { codecs, findCodec, treeFromMap } from '@annotkit/formats';
import { validateDocumentData } from '@annotkit/core';
import type { DocumentData } from '@annotkit/core';
import { CVAT_CROSS_SAMPLE } from '../../packages/formats/src/formats/crossFormatSample.js';
const summary = (d: DocumentData) => d.objects.map((o) => o.kind === 'shape' ? `${o.frame}:${o.geometry.type}:L${o.label}:g${o.group}:${JSON.stringify(o.attributes)}${o.geometry.type==='rectangle'? 'r'+o.geometry.rotation+JSON.stringify(o.geometry.points):''}` : o.kind);
const cvat = findCodec('cvat-images-1.1')!;
const src = await cvat.import(treeFromMap({ 'annotations.xml': CVAT_CROSS_SAMPLE }));
validateDocumentData(src.document);
console.log('src', src.warnings, summary(src.document));
for (const id of process.argv.slice(2)) {
  const c = findCodec(id)!;
  const out = await c.export(src.document);
  console.log('\n==', id, [...out.tree.keys()], out.dropped);
  const mid = await c.import(treeFromMap(out.tree));
  console.log('mid', mid.warnings.map((w) => w.code), summary(mid.document), mid.document.labels.map((l) => l.name));
  const back = await cvat.export(mid.document);
  const fin = await cvat.import(treeFromMap(back.tree));
  validateDocumentData(fin.document);
}
