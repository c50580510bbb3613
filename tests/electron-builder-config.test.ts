import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

// electron-builder.yml is checked three ways: against electron-builder's own JSON schema with ajv,
// through electron-builder's own config loader (which resolves `extends` for the e2e variant), and
// choice by choice (`builderConfigProblems`), with a test that removing any choice is caught.

const root = path.resolve(__dirname, '..');
const require = createRequire(__filename);
// The YAML parser and glob matcher electron-builder itself uses, resolved from app-builder-lib so
// that hoisting never hands us another major version.
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
const minimatch = (builderRequire('minimatch') as { minimatch: (file: string, pattern: string, options?: object) => boolean }).minimatch;
const schema = require('app-builder-lib/scheme.json') as object;

type Json = Record<string, unknown>;
const load = (file: string): Json => yaml.load(fs.readFileSync(path.join(root, file), 'utf8')) as Json;
const obj = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

const PROFILE_EXT = 'dalaprofile';
const PROFILE_MIME = 'application/x-dalaprofile';
const RELEASE_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
};
const NATIVE_MODULE = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
const MUST_PACKAGE = ['out/main/index.js', 'out/main/job-worker.js', 'out/main/cli.js', 'out/main/host.js', 'out/main/migrations/0000_initial_schema.sql', 'out/main/migrations/meta/_journal.json', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json'];
const MUST_NOT_PACKAGE = ['electron/main/index.ts', 'electron/common/contract/index.ts', 'renderer/src/App.tsx', 'renderer/index.html', 'database/open.ts', 'database/open.test.ts', 'host/server.ts', 'tests/lint-layering.test.ts', 'e2e/picker.spec.ts', 'e2e/electron/app.spec.ts', 'scripts/test.mjs', 'resources/icons/icon.svg', 'electron-builder.yml'];

/** The file associations a platform ends up with (its own list, else the top-level one). */
function associations(config: Json, platform: 'linux' | 'win' | 'mac'): Json[] {
  const own = obj(config[platform]).fileAssociations;
  return list(own ?? config.fileAssociations).map(obj);
}

function targets(config: Json, platform: string): string[] {
  return list(obj(config[platform]).target).map((t) => String(typeof t === 'string' ? t : obj(t).target).toLowerCase());
}

function positiveFilePatterns(config: Json): string[] {
  return list(config.files).filter((p): p is string => typeof p === 'string' && !p.startsWith('!'));
}

function isPackaged(config: Json, file: string): boolean {
  const patterns = list(config.files).filter((p): p is string => typeof p === 'string');
  const included = patterns.some((p) => !p.startsWith('!') && minimatch(file, p, { dot: true }));
  const excluded = patterns.some((p) => p.startsWith('!') && minimatch(file, p.slice(1), { dot: true }));
  return included && !excluded;
}

const existing = (file: string | undefined): boolean => typeof file === 'string' && fs.existsSync(path.resolve(root, file));

/** Every packaging choice of the issue, as a list of what is wrong (empty when all hold). */
export function builderConfigProblems(config: Json): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  check(config.appId === 'org.dala.learnerprofile', 'appId is org.dala.learnerprofile');
  check(config.productName === 'DALA Learner Profile', 'productName is "DALA Learner Profile"');

  // What goes into the package.
  for (const file of MUST_PACKAGE) check(isPackaged(config, file), `files packages ${file}`);
  for (const file of MUST_NOT_PACKAGE) check(!isPackaged(config, file), `files leaves out ${file}`);
  check(
    positiveFilePatterns(config).every((p) => !/^(\*\*\/)?\*(\.\*)?$|\*\*\/\*$/.test(p) || p.startsWith('out/')),
    'files has no catch-all pattern that would pull in sources',
  );

  // The native module: unpacked from the asar, rebuilt for Electron when packaging.
  check(config.asar !== false, 'asar is on');
  check(list(config.asarUnpack).some((p) => typeof p === 'string' && minimatch(NATIVE_MODULE, p, { dot: true })), 'asarUnpack covers better-sqlite3');
  check(!list(config.files).some((p) => typeof p === 'string' && p.startsWith('!') && minimatch(NATIVE_MODULE, p.slice(1), { dot: true })), 'files does not exclude better_sqlite3.node');
  check(config.npmRebuild === true, 'npmRebuild is true (native modules rebuilt for Electron)');

  // The `dala` command on every OS: a wrapper that runs the installed app with --cli.
  const copies = (value: unknown) => list(value).map(obj);
  const shipsWrapper = (entries: unknown, from: string, to: string) =>
    copies(entries).some((e) => e.from === from && e.to === to && existing(from) && fs.readFileSync(path.resolve(root, from), 'utf8').includes('--cli'));
  check(shipsWrapper(obj(config.linux).extraFiles, 'resources/linux/dala', 'dala'), 'linux.extraFiles puts resources/linux/dala beside the binary');
  const deb = obj(config.deb);
  const debScript = (key: string) => (existing(deb[key] as string) ? fs.readFileSync(path.resolve(root, deb[key] as string), 'utf8') : '');
  check(debScript('afterInstall').includes('/usr/bin/dala') && debScript('afterInstall').includes('update-alternatives'), 'deb.afterInstall keeps electron-builder\'s steps and links /usr/bin/dala');
  check(debScript('afterRemove').includes('/usr/bin/dala'), 'deb.afterRemove removes /usr/bin/dala');
  check(shipsWrapper(obj(config.win).extraFiles, 'resources/windows/dala.cmd', 'dala.cmd'), 'win.extraFiles puts dala.cmd in the install folder');
  check(shipsWrapper(obj(config.mac).extraResources, 'resources/macos/dala', 'dala'), 'mac.extraResources puts dala in Contents/Resources');

  // Fuses (release builds).
  const fuses = obj(config.electronFuses);
  for (const [fuse, value] of Object.entries(RELEASE_FUSES)) check(fuses[fuse] === value, `electronFuses.${fuse} is ${value}`);

  // File association on every OS.
  for (const platform of ['linux', 'win', 'mac'] as const) {
    const found = associations(config, platform).find((a) => list(a.ext).some((e) => String(e).replace(/^\./, '') === PROFILE_EXT));
    check(found !== undefined, `${platform} associates .${PROFILE_EXT}`);
    if (platform === 'linux') check(found?.mimeType === PROFILE_MIME, `the .${PROFILE_EXT} association has MIME type ${PROFILE_MIME}`);
  }

  // Linux: AppImage and deb, Education, desktop entry, MIME type.
  const linux = obj(config.linux);
  check(targets(config, 'linux').includes('appimage') && targets(config, 'linux').includes('deb'), 'linux targets AppImage and deb');
  check(linux.category === 'Education', 'linux.category is Education');
  check(list(linux.mimeTypes).includes(PROFILE_MIME), `linux.mimeTypes has ${PROFILE_MIME}`);
  check(typeof obj(obj(linux.desktop).entry).Name === 'string', 'linux.desktop.entry names the app');
  check(typeof linux.maintainer === 'string' && /<[^@\s>]+@[^>\s]+>/.test(linux.maintainer), 'linux.maintainer has an e-mail (deb requires one)');
  check(typeof obj(config.extraMetadata).homepage === 'string', 'extraMetadata.homepage is set (deb requires one)');
  check(!list(obj(config.appImage).executableArgs).includes('--no-sandbox') && Array.isArray(obj(config.appImage).executableArgs), 'the AppImage desktop entry does not turn the sandbox off');
  check(list(obj(config.deb).executableArgs).includes('%F'), 'the deb desktop entry passes files as paths (%F)');

  // Windows: NSIS per machine, assisted, folder can be chosen.
  const nsis = obj(config.nsis);
  check(targets(config, 'win').includes('nsis'), 'win targets nsis');
  check(nsis.perMachine === true, 'nsis.perMachine is true');
  check(nsis.oneClick === false, 'nsis.oneClick is false');
  check(nsis.allowToChangeInstallationDirectory === true, 'nsis.allowToChangeInstallationDirectory is true');
  check(nsis.deleteAppDataOnUninstall !== true, 'uninstalling never deletes learner data');

  // macOS: dmg.
  check(targets(config, 'mac').includes('dmg'), 'mac targets dmg');

  // Icons exist where the config points.
  const linuxIcons = typeof linux.icon === 'string' ? path.resolve(root, linux.icon) : '';
  check(linuxIcons !== '' && fs.existsSync(path.join(linuxIcons, '512x512.png')), 'linux.icon is a folder of NxN.png icons');
  check(existing(obj(config.win).icon as string) && String(obj(config.win).icon).endsWith('.ico'), 'win.icon is an existing .ico');
  check(existing(obj(config.mac).icon as string) && String(obj(config.mac).icon).endsWith('.icns'), 'mac.icon is an existing .icns');
  for (const association of associations(config, 'win')) {
    const icon = typeof association.icon === 'string' ? association.icon.replace(/\.(ico|icns)$/, '') : undefined;
    check(icon !== undefined && existing(`${icon}.ico`) && existing(`${icon}.icns`), 'the file association icon exists as .ico and .icns');
  }
  return problems;
}

const release = load('electron-builder.yml');
const e2e = load('electron-builder.e2e.yml');

function pngSize(file: string): { width: number; height: number } {
  const data = fs.readFileSync(file);
  expect(data.subarray(1, 4).toString('ascii'), `${file} is a PNG`).toBe('PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it.each([['electron-builder.yml'], ['electron-builder.e2e.yml']])('%s is valid against app-builder-lib/scheme.json (ajv, no type coercion)', (file) => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(load(file));
    expect(validate.errors ?? [], `${file}: ${JSON.stringify(validate.errors, null, 2)}`).toEqual([]);
    expect(valid).toBe(true);
  });

  it('makes every packaging choice of the issue', () => {
    expect(builderConfigProblems(release)).toEqual([]);
  });

  it.each<[string, (c: Json) => void]>([
    ['nsis.perMachine', (c) => delete obj(c.nsis).perMachine],
    ['nsis.oneClick', (c) => delete obj(c.nsis).oneClick],
    ['nsis.allowToChangeInstallationDirectory', (c) => delete obj(c.nsis).allowToChangeInstallationDirectory],
    ['the nsis target', (c) => (obj(c.win).target = ['portable'])],
    ['the dmg target', (c) => (obj(c.mac).target = ['zip'])],
    ['the deb target', (c) => (obj(c.linux).target = ['AppImage'])],
    ['the AppImage target', (c) => (obj(c.linux).target = ['deb'])],
    ['linux.category', (c) => delete obj(c.linux).category],
    ['linux.mimeTypes', (c) => delete obj(c.linux).mimeTypes],
    ['linux.desktop', (c) => delete obj(c.linux).desktop],
    ['fileAssociations', (c) => delete c.fileAssociations],
    ['the association MIME type', (c) => list(c.fileAssociations).forEach((a) => delete obj(a).mimeType)],
    ['a Windows-only association', (c) => (obj(c.win).fileAssociations = [{ ext: 'txt' }])],
    ['asarUnpack', (c) => delete c.asarUnpack],
    ['asar', (c) => (c.asar = false)],
    ['npmRebuild', (c) => (c.npmRebuild = false)],
    ['electronFuses', (c) => delete c.electronFuses],
    ...Object.keys(RELEASE_FUSES).map((fuse): [string, (c: Json) => void] => [`electronFuses.${fuse}`, (c) => delete obj(c.electronFuses)[fuse]]),
    ['files out/**', (c) => (c.files = list(c.files).filter((p) => p !== 'out/**/*'))],
    ['the linux dala wrapper', (c) => delete obj(c.linux).extraFiles],
    ['the deb after-install link', (c) => delete obj(c.deb).afterInstall],
    ['the deb after-remove unlink', (c) => delete obj(c.deb).afterRemove],
    ['the Windows dala.cmd', (c) => delete obj(c.win).extraFiles],
    ['the macOS dala wrapper', (c) => (obj(c.mac).extraResources = [{ from: 'resources/macos/missing', to: 'dala' }])],
    ['sources kept out of files', (c) => (c.files = [...list(c.files), '**/*'])],
    ['win.icon', (c) => (obj(c.win).icon = 'resources/icons/missing.ico')],
    ['the deb maintainer', (c) => delete obj(c.linux).maintainer],
    ['the AppImage sandbox', (c) => (obj(c.appImage).executableArgs = ['--no-sandbox'])],
    ['appId', (c) => delete c.appId],
    ['productName', (c) => (c.productName = 'DALA')],
  ])('is caught when %s is removed or changed', (_choice, mutate) => {
    const changed = structuredClone(release);
    mutate(changed);
    expect(builderConfigProblems(changed)).not.toEqual([]);
  });

  it("passes electron-builder's own loader and validation; the e2e variant differs only in fuses and output folder", async () => {
    const { getConfig, validateConfiguration } = builderRequire('./out/util/config/config') as {
      getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Json>;
      validateConfiguration(config: Json, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = builderRequire('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const loadedRelease = await getConfig(root, null, null);
    const loadedE2e = await getConfig(root, 'electron-builder.e2e.yml', null);
    await validateConfiguration(loadedRelease, new DebugLogger(false));
    await validateConfiguration(loadedE2e, new DebugLogger(false));
    expect(loadedRelease.electronFuses).toMatchObject(RELEASE_FUSES);
    expect(loadedE2e.electronFuses).toBeNull();
    expect(obj(loadedE2e.directories).output).not.toBe(obj(loadedRelease.directories).output);
    const rest = (c: Json) => {
      const { electronFuses: _f, directories: _d, extends: _e, ...others } = c;
      return others;
    };
    expect(rest(loadedE2e)).toEqual(rest(loadedRelease));
    expect(e2e.extends).toBe('./electron-builder.yml');
  });

  it('points at icons generated from icon.svg at every size the installers use', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(path.join(root, 'resources/icons/png', `${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
    const ico = fs.readFileSync(path.join(root, 'resources/icons/icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(icoSizes).toContain(256);
    const icns = fs.readFileSync(path.join(root, 'resources/icons/icon.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.includes(Buffer.from('ic10'))).toBe(true); // 1024 px
    const check = spawnSync(process.execPath, [path.join(root, 'scripts/generate-icons.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
  });

  it('has the npm scripts and README section that build the installers', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const script of ['dist', 'dist:linux', 'dist:win', 'dist:mac', 'dist:e2e', 'test:electron']) expect(pkg.scripts[script], script).toBeTruthy();
    expect(pkg.scripts['dist:win']).toContain('--win');
    expect(pkg.scripts['dist:e2e']).toContain('--e2e');
    expect(fs.readFileSync(path.join(root, 'README.md'), 'utf8')).toContain('## Building installers (machines with internet)');
  });
});
