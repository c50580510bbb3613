'use strict';
// Whether the bundles in out/ are older than the sources they are built from. Shared by
// `npm start` (scripts/start.mjs) and the `dala` command (bin/dala.cjs), which build when so.
const fs = require('node:fs');
const path = require('node:path');

const SOURCE_DIRS = ['renderer', 'electron', 'resources', 'database', 'command-line', 'host', 'hub'];
const SOURCE_FILES = ['electron.vite.config.ts', 'package.json'];
const BUNDLES = ['out/main/index.js', 'out/main/cli.js', 'out/main/host.js', 'out/main/hub.js', 'out/main/job-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

/** The newest modification time under `entry` (tests and test support do not go into the bundles). */
function newestSourceTime(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return /\.test\.[cm]?[jt]sx?$/.test(entry) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) {
    if (name === 'node_modules' || name === 'test-support' || name === 'test-fixtures' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestSourceTime(path.join(entry, name)));
  }
  return newest;
}

/** True when a bundle is missing, or when the sources exist (a checkout) and are newer than a bundle. */
function bundlesAreStale(root) {
  const times = BUNDLES.map((file) => {
    try {
      return fs.statSync(path.join(root, file)).mtimeMs;
    } catch {
      return undefined;
    }
  });
  if (times.includes(undefined)) return true;
  if (!fs.existsSync(path.join(root, 'database', 'open.ts'))) return false;
  const sources = Math.max(...[...SOURCE_DIRS, ...SOURCE_FILES].map((entry) => newestSourceTime(path.join(root, entry))));
  return Math.min(...times) < sources;
}

/** Builds with electron-vite (a checkout with devDependencies); returns an error text, or undefined when built. */
function buildBundles(root, spawnSync) {
  const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  if (!fs.existsSync(bin)) return 'the app is not built (out/ is missing) and electron-vite is not installed here: run "npm ci" then "npm run build".';
  const result = spawnSync(bin, ['build'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
  if (result.status === 0) return undefined;
  return `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `${result.error.message}\n` : ''}building the app failed; see the messages above.`;
}

module.exports = { bundlesAreStale, buildBundles, BUNDLES };
