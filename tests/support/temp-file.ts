import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Real files and folders for tests that may not touch Node themselves (renderer component tests:
 * the layering rule keeps node:* out of renderer/, tests included).
 */

/** A real file in a fresh temp folder (e.g. a profile file "opened by the OS"); `remove` cleans up. */
export function writeTempFile(name: string, content: string | Uint8Array): { path: string; remove(): void } {
  const folder = makeTempFolder('dala-file-');
  const file = folder.join(name);
  fs.writeFileSync(file, content);
  return { path: file, remove: folder.remove };
}

export interface TempFolder {
  path: string;
  /** The path of `name` in the folder. */
  join(name: string): string;
  /** The names in the folder, sorted. */
  list(): string[];
  remove(): void;
}

export function makeTempFolder(prefix = 'dala-folder-'): TempFolder {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    path: dir,
    join: (name) => path.join(dir, name),
    list: () => fs.readdirSync(dir).sort(),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
