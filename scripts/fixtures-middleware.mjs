// Serves the shared, read-only dataset fixtures at /__fixtures__/ to browser tests. The fixtures
// live beside the repository (../shared/fixtures/formats) and are never copied into it.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';

export const fixturesRoot = resolve(
  process.env.ANNOTKIT_FIXTURES ??
    new URL('../../shared/fixtures/formats', import.meta.url).pathname,
);

/** Koa middleware for web-test-runner / web-dev-server. */
export function fixturesMiddleware(ctx, next) {
  const prefix = '/__fixtures__/';
  if (!ctx.path.startsWith(prefix)) return next();
  const rel = normalize(decodeURIComponent(ctx.path.slice(prefix.length)));
  if (rel.startsWith('..')) {
    ctx.status = 403;
    return undefined;
  }
  const file = join(fixturesRoot, rel);
  if (!existsSync(file) || !statSync(file).isFile()) {
    ctx.status = 404;
    return undefined;
  }
  ctx.type = 'application/octet-stream';
  ctx.body = createReadStream(file);
  return undefined;
}
