// `npm start`: bundles the examples (rebuilding on change) and serves them on
// http://localhost:8000 with COOP/COEP headers. PORT and HOST override the address.
import { join } from 'node:path';
import { examplesDir, root, watchBundles } from './site.mjs';
import { serveStatic } from './static-server.mjs';

const port = Number(process.env.PORT ?? 8000);
const host = process.env.HOST ?? 'localhost';
const bundleDir = join(root, 'node_modules/.cache/annotkit-examples');

await watchBundles(bundleDir);
const server = await serveStatic([bundleDir, examplesDir], { port, host });
console.log(`AnnotKit examples: ${server.url}/ (cross-origin isolated; Ctrl+C to stop)`);
