import fs from 'node:fs';
import path from 'node:path';
import { DalaError } from '../../electron/common/errors';

/** Reads a file a user named, with a message that says what to do when it cannot be read. */
export function readUserFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unreadable');
    throw new DalaError('not_found', `Cannot read ${file}: ${reason}.`, 'file');
  }
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file behind. */
export function writeFileAtomically(file: string, content: string): void {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) throw new DalaError('not_found', `Cannot write ${file}: the folder ${dir} does not exist.`, 'out');
  const temp = `${file}.partial-${process.pid}`;
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new DalaError('storage', `Cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, 'out');
  }
}
