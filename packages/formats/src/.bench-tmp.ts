import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { readCvatXml } from '/work/main/packages/formats/src/formats/cvat/read.ts';
import { writeCvatImages } from '/work/main/packages/formats/src/formats/cvat/write.ts';
import type { DocumentData } from '@annotkit/core';
const frames = 10000, per = 10;
const objects: any[] = [];
let id = 1;
for (let f = 0; f < frames; f++) for (let k = 0; k < per; k++) objects.push({ kind: 'shape', id: id++, label: 1, frame: f, geometry: { type: 'rectangle', points: [k, k + 1, k + 20.5, k + 30.25], rotation: 0 }, zOrder: 0, occluded: false, group: 0, source: 'manual', attributes: { 1: 'true' } });
const doc: DocumentData = { schemaVersion: 1, media: { kind: 'images', frames: Array.from({ length: frames }, (_, i) => ({ name: `f${i}.jpg`, width: 640, height: 480 })) }, labels: [{ kind: 'label', id: 1 as any, name: 'car', color: '#ff0000', type: 'any', attributes: [{ id: 1 as any, name: 'parked', inputType: 'checkbox', mutable: false, values: ['false', 'true'], default: 'false' }] }], objects, meta: {} };
const t = () => performance.now();
for (let r = 0; r < 3; r++) {
  let a = t(); const { xml } = writeCvatImages(doc); const ex = t() - a;
  a = t(); const obj = new XMLParser({ ignoreAttributes: false }).parse(xml); const floorParse = t() - a;
  a = t(); new XMLBuilder({ ignoreAttributes: false }).build(obj); const floorBuild = t() - a;
  a = t(); const res = readCvatXml(xml, 'a.xml'); const im = t() - a;
  console.log(`objects ${res.document.objects.length} xml ${(xml.length/1e6).toFixed(1)}MB import ${im.toFixed(0)}ms vs parse ${floorParse.toFixed(0)}ms (${(im/floorParse).toFixed(2)}x); export ${ex.toFixed(0)}ms vs build ${floorBuild.toFixed(0)}ms (${(ex/floorBuild).toFixed(2)}x)`);
}
