import { benchDocument } from './formats.bench.js';
import { cvatImagesCodec } from '@annotkit/formats';
import { readCvatXml } from '../../packages/formats/src/formats/cvat/read.js';
const full = benchDocument();
const F = 200;
const doc = { ...full, media: { ...full.media, frames: full.media.frames.slice(0, F) }, objects: full.objects.filter((o) => (o as { frame: number }).frame < F) };
const xml = (await cvatImagesCodec.export(doc)).tree.get('annotations.xml') as string;
for (let r = 0; r < 5; r++) readCvatXml(xml, 'a.xml');
