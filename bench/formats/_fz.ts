import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { labelmeCodec, treeFromMap } from '@annotkit/formats';
import { validateDocumentData } from '@annotkit/core';
const root = '/work/shared/fixtures/formats/labelme_3.0/cvat-ai-datumaro/labelme_dataset';
const files = new Map<string, Uint8Array>();
const walk = (d: string) => { for (const n of readdirSync(d)) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else files.set(relative(root, p), new Uint8Array(readFileSync(p))); } };
walk(root);
for (const path of files.keys()) {
  const m = new Map(files); const b = new Uint8Array(files.get(path)!); b[0] ^= 1; m.set(path, b);
  try { const r = await labelmeCodec.import(treeFromMap(m)); validateDocumentData(JSON.parse(JSON.stringify(r.document))); console.log(path, 'ok'); }
  catch (e) { console.log(path, (e as Error).constructor.name, String(e).slice(0, 200)); }
}
