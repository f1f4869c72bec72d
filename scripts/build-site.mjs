// `npm run build:site`: writes the examples as a static site to site/ (or the folder given).
import { resolve } from 'node:path';
import { buildSite, root } from './site.mjs';

const outDir = resolve(process.argv[2] ?? `${root}/site`);
await buildSite(outDir);
console.log(`examples site written to ${outDir}`);
