// better-sqlite3 built for Electron's ABI, for running the app from a checkout (`npm start`,
// `npm run test:electron`). node_modules/better-sqlite3 keeps its Node build, which the CLI, the
// browser host and the tests use: the Electron build is made from a copy of the package and kept in
//   node_modules/.dala-electron/<electronVersion>/better_sqlite3.node
// and handed to the Electron main process in the DALA_SQLITE_NATIVE_BINDING environment variable
// (database/open.ts passes it to better-sqlite3 as `nativeBinding`). Packaged apps do not use this:
// electron-builder rebuilds the module for Electron inside the package (npmRebuild).
//
//   node scripts/electron-native.mjs        builds it if needed and prints its path
//
// How: copy the package to a temporary folder, run its own `prebuild-install --runtime electron`
// there (better-sqlite3's published Electron binaries), else `node-gyp rebuild` against Electron's
// headers. Both need the internet the first time; the result is reused until Electron or
// better-sqlite3 changes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

/** The environment variable the Electron main process reads (database/open.ts). */
export const NATIVE_BINDING_ENV = 'DALA_SQLITE_NATIVE_BINDING';
const BINARY_NAME = 'better_sqlite3.node';

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function electronVersion() {
  return readJson(require.resolve('electron/package.json')).version;
}

function betterSqlite3Dir() {
  return path.dirname(require.resolve('better-sqlite3/package.json'));
}

/** Where the Electron build of better-sqlite3 lives for this Electron version. */
export function electronNativeBindingPath(version = electronVersion()) {
  return path.join(root, 'node_modules', '.dala-electron', version, BINARY_NAME);
}

function buildInfo(version) {
  return { electron: version, betterSqlite3: readJson(path.join(betterSqlite3Dir(), 'package.json')).version, platform: process.platform, arch: process.arch };
}

function isCurrent(target, info) {
  const infoFile = path.join(path.dirname(target), 'build-info.json');
  try {
    return fs.statSync(target).size > 0 && JSON.stringify(readJson(infoFile)) === JSON.stringify(info);
  } catch {
    return false;
  }
}

/** An environment without npm's Node-header settings (this machine's npm sets nodedir=/usr). */
function buildEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source)$/i.test(key)) delete env[key];
  }
  return env;
}

function run(command, args, cwd, log) {
  log(`  $ ${path.basename(command)} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd, env: buildEnv(), encoding: 'utf8', shell: process.platform === 'win32' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `${result.error.message}\n` : ''}`;
  return { ok: result.status === 0, output };
}

function nodeGypScript() {
  const candidates = [process.env.npm_config_node_gyp, path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')];
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not installed in the project: npm's own copy above, if any
  }
  return candidates.find((c) => c && fs.existsSync(c));
}

/** Copies the package without its build/ folder (that is the Node build, and it is big). */
function copyPackage(from, to) {
  fs.cpSync(from, to, { recursive: true, filter: (src) => path.relative(from, src).split(path.sep)[0] !== 'build' });
}

/**
 * Loads the new binary inside Electron (run as Node, which an unpackaged Electron allows) and
 * runs one query: proof that the ABI is right before anything relies on it.
 */
function smokeTest(electronBinary, binding) {
  const script = `const Database = require(${JSON.stringify(betterSqlite3Dir())}); const db = new Database(':memory:', { nativeBinding: ${JSON.stringify(binding)} }); process.stdout.write(db.prepare('select sqlite_version() as v').get().v);`;
  const result = spawnSync(electronBinary, ['-e', script], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8', timeout: 60_000 });
  return result.status === 0 ? { ok: true, output: result.stdout.trim() } : { ok: false, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}` };
}

/**
 * Returns the path of better_sqlite3.node built for this checkout's Electron, building it first if
 * needed. Throws with the tools' output when it cannot be built (e.g. offline the first time).
 */
export function ensureElectronNativeBinding({ electronBinary, log = (line) => console.log(line) } = {}) {
  const version = electronVersion();
  const target = electronNativeBindingPath(version);
  const info = buildInfo(version);
  if (isCurrent(target, info)) return target;

  log(`[electron-native] Building better-sqlite3 ${info.betterSqlite3} for Electron ${version} (${info.platform}-${info.arch}); the Node build in node_modules stays as it is.`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-electron-native-'));
  const pkg = path.join(work, 'better-sqlite3');
  const failures = [];
  try {
    copyPackage(betterSqlite3Dir(), pkg);
    const built = path.join(pkg, 'build', 'Release', BINARY_NAME);
    const prebuild = run(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', version, '--arch', process.arch, '--platform', process.platform, '--verbose'], pkg, log);
    if (!prebuild.ok || !fs.existsSync(built)) {
      failures.push(`prebuild-install (published Electron binaries):\n${prebuild.output}`);
      const gyp = nodeGypScript();
      if (!gyp) {
        failures.push('node-gyp: not found (install npm, or run this from an npm script).');
      } else {
        const compile = run(process.execPath, [gyp, 'rebuild', '--release', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'], pkg, log);
        if (!compile.ok || !fs.existsSync(built)) failures.push(`node-gyp with Electron's headers:\n${compile.output}`);
      }
    }
    if (!fs.existsSync(built)) {
      throw new Error(`[electron-native] Could not build better-sqlite3 for Electron ${version}. This needs the internet the first time (published binaries from GitHub, or Electron's headers).\n\n${failures.join('\n\n')}`);
    }
    if (electronBinary) {
      const smoke = smokeTest(electronBinary, built);
      if (!smoke.ok) throw new Error(`[electron-native] The Electron build of better-sqlite3 does not load in Electron ${version}:\n${smoke.output}`);
      log(`[electron-native] Loaded in Electron ${version}: SQLite ${smoke.output}.`);
    }
    // Write next to the target, then rename: a concurrent reader never sees half a file.
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    fs.copyFileSync(built, partial);
    fs.renameSync(partial, target);
    fs.writeFileSync(path.join(path.dirname(target), 'build-info.json'), JSON.stringify(info));
    log(`[electron-native] ${path.relative(root, target)}`);
    return target;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { electronBinaryPath } = await import('./ensure-deps.mjs');
  try {
    const binding = ensureElectronNativeBinding({ electronBinary: electronBinaryPath(), log: (line) => console.error(line) });
    console.log(binding);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
