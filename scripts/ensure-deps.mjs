// Installs what a fresh clone lacks before `npm start` / `npm test` run, using only Node itself.
// `npm ci` runs when node_modules is missing or was installed from another package-lock.json.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import dns from 'node:dns/promises';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = path.join(root, 'node_modules', '.dala-install-stamp');

function lockHash() {
  return createHash('sha256').update(fs.readFileSync(path.join(root, 'package-lock.json'))).digest('hex');
}

function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}

/**
 * Whether Electron's postinstall could download its binary: the host it downloads from
 * (ELECTRON_MIRROR, else its default) must resolve and answer. A closed network fails at DNS.
 */
export async function electronDownloadReachable() {
  const mirror = process.env.ELECTRON_MIRROR || 'https://github.com/electron/electron/releases/download/';
  let url;
  try {
    url = new URL(mirror);
  } catch {
    return false;
  }
  try {
    await withTimeout(dns.lookup(url.hostname), 3000);
    await withTimeout(
      new Promise((resolve, reject) => {
        const req = https.request(url, { method: 'HEAD' }, (res) => {
          res.resume();
          resolve(res.statusCode);
        });
        req.on('error', reject);
        req.end();
      }),
      5000,
    );
    return true;
  } catch {
    return false;
  }
}

export function electronBinaryPath() {
  try {
    const result = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: root, encoding: 'utf8' });
    const binary = result.status === 0 ? result.stdout.trim() : '';
    return binary && fs.existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

export async function ensureDependencies() {
  const wanted = lockHash();
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').trim() === wanted) return;
  const env = { ...process.env };
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD === undefined && !(await electronDownloadReachable())) {
    console.log('[setup] The Electron download cannot be reached from this machine: installing without the Electron binary (the app will run in the browser host).');
    env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
  }
  console.log('[setup] Installing dependencies with npm ci (about a minute the first time)...');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('[setup] npm ci failed; see the messages above. Check that the npm registry can be reached, then run the command again.');
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(stampFile, `${wanted}\n`);
}
