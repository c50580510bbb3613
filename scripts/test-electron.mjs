// `npm run test:electron [-- vitest options]`: the Electron end-to-end suite (e2e/electron) with
// vitest.electron.config.mts. Builds the app first, and on Linux without a display runs under
// `xvfb-run`. Where the Electron binary is missing the suite still runs: every spec is skipped and
// one line says why and how to run it (exit code 0).
//
// DALA_ELECTRON_APP=<unfused packaged executable> (npm run dist:e2e) tests a packaged build instead
// of this checkout.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { electronBinaryPath, ensureDependencies, root } from './ensure-deps.mjs';

const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function onPath(command) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, command)));
}

await ensureDependencies();
const packaged = process.env.DALA_ELECTRON_APP;
const canRun = Boolean(packaged) || electronBinaryPath() !== undefined;

if (canRun && !packaged) {
  const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) {
    console.error('test:electron: building the app failed; see above.');
    process.exit(1);
  }
}

const vitestArgs = ['run', '--config', 'vitest.electron.config.mts', ...process.argv.slice(2)];
let command = bin('vitest');
let args = vitestArgs;
if (canRun && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  if (!onPath('xvfb-run')) {
    console.error('test:electron: there is no display and no xvfb-run. Install it (Debian: apt-get install -y xvfb) or run with a display.');
    process.exit(1);
  }
  command = 'xvfb-run';
  args = ['--auto-servernum', '--server-args=-screen 0 1280x1024x24', bin('vitest'), ...vitestArgs];
}

const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (result.error) console.error(`test:electron: could not run ${command} (${result.error.message}).`);
process.exit(result.status ?? 1);
