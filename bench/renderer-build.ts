import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(__dirname, '..');
export const RENDERER_DIR = path.join(PROJECT_ROOT, 'out', 'renderer');

/** Builds the app (electron-vite) when out/renderer is missing; the bench measures the built renderer. */
export function ensureRendererBuilt(log: (line: string) => void = () => undefined): string {
  if (fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) return RENDERER_DIR;
  log('out/renderer is missing: building it with electron-vite…');
  const bin = path.join(PROJECT_ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  const built = spawnSync(bin, ['build'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`electron-vite build failed: ${(built.stderr || built.stdout).slice(-500)}`);
  return RENDERER_DIR;
}
