// `npm run dist[:linux|:win|:mac|:e2e]`: builds the app (electron-vite) and packages it with
// electron-builder (electron-builder.yml; `--e2e` uses electron-builder.e2e.yml, unfused and
// unpacked, for the Electron end-to-end suite). Needs the internet: electron-builder downloads
// Electron, the installer tools and better-sqlite3's Electron binary.
//
// electron-builder rebuilds native modules for Electron *in node_modules* (npmRebuild). That would
// leave the checkout's better-sqlite3 unusable for Node (`npm test`, the `dala` CLI), so its Node
// build is saved first and put back afterwards, whatever happens.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureDependencies, root } from './ensure-deps.mjs';

const PLATFORM_FLAGS = { '--linux': ['--linux'], '--win': ['--win'], '--mac': ['--mac'] };
const USAGE = 'node scripts/dist.mjs [--linux|--win|--mac] [--e2e] [-- extra electron-builder arguments]';

function parse(argv) {
  const separator = argv.indexOf('--');
  const own = separator === -1 ? argv : argv.slice(0, separator);
  const extra = separator === -1 ? [] : argv.slice(separator + 1);
  const builderArgs = ['--publish', 'never'];
  let e2e = false;
  for (const arg of own) {
    if (arg === '--e2e') e2e = true;
    else if (PLATFORM_FLAGS[arg]) builderArgs.push(...PLATFORM_FLAGS[arg]);
    else {
      console.error(`dist: unknown argument ${arg}. Usage: ${USAGE}`);
      process.exit(2);
    }
  }
  if (e2e) builderArgs.push('--dir', '--config', 'electron-builder.e2e.yml');
  return [...builderArgs, ...extra];
}

const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function step(name, command, args) {
  console.log(`\n=== ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`dist: ${name} failed${result.error ? ` (${result.error.message})` : ''}.`);
    return false;
  }
  return true;
}

const nodeBuild = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

const builderArgs = parse(process.argv.slice(2));
await ensureDependencies();
if (!step('build (electron-vite)', bin('electron-vite'), ['build'])) process.exit(1);

const saved = fs.existsSync(nodeBuild) ? { data: fs.readFileSync(nodeBuild), mode: fs.statSync(nodeBuild).mode } : undefined;
// Ctrl-C reaches electron-builder too; staying alive until it has stopped lets `finally` run.
const ignore = () => undefined;
process.on('SIGINT', ignore);
process.on('SIGTERM', ignore);
let ok;
try {
  ok = step(`package (electron-builder ${builderArgs.join(' ')})`, bin('electron-builder'), builderArgs);
} finally {
  if (saved) {
    // @electron/rebuild may have deleted the whole build/ folder (node-gyp rebuild cleans first).
    fs.mkdirSync(path.dirname(nodeBuild), { recursive: true });
    fs.writeFileSync(nodeBuild, saved.data);
    fs.chmodSync(nodeBuild, saved.mode);
    console.log('dist: put the Node build of better-sqlite3 back in node_modules (the package keeps its Electron build).');
  }
}
if (ok) console.log(`\ndist: installers are in ${path.join(root, builderArgs.includes('electron-builder.e2e.yml') ? 'dist/e2e-unfused' : 'dist')}`);
process.exit(ok ? 0 : 1);
