import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A real file in a fresh temp folder (e.g. a profile file "opened by the OS"); `remove` cleans up. */
export function writeTempFile(name: string, content: string): { path: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-file-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return { path: file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
