// Makes sure a Chromium is there for the browser end-to-end tests: Debian's `chromium`, installed
// with apt-get when it is missing and this user can do so. Returns its path, or undefined with one
// line saying how to get one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CANDIDATES = [process.env.DALA_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  return CANDIDATES.find((c) => c && fs.existsSync(c));
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const canInstall = process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (canInstall) {
    console.log('[setup] Installing Debian\'s chromium for the browser tests (apt-get)...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    const installed = findChromium();
    if (installed) return installed;
  }
  console.log('[setup] No Chromium for the browser tests: install it with "sudo apt-get install -y chromium" (Debian/Ubuntu), or set DALA_CHROMIUM to a Chromium or Chrome binary.');
  return undefined;
}
