// Installs Debian's chromium when it is missing (root only), or says exactly what to install.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { chromiumPath } from './chromium.mjs';

export function ensureChromium() {
  if (existsSync(chromiumPath)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `Chromium not found at ${chromiumPath}. Install Debian's package as root:\n` +
        '  apt-get update && apt-get install -y chromium\n' +
        'or set CHROMIUM_PATH to an existing Chromium binary.',
    );
    process.exit(1);
  }
  console.log('Chromium is missing: installing Debian package "chromium" (apt-get)…');
  execSync('apt-get update', { stdio: 'inherit' });
  execSync('DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium', {
    stdio: 'inherit',
  });
  if (!existsSync(chromiumPath)) {
    console.error(`apt-get finished but ${chromiumPath} is still missing.`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
