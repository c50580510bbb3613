import fs from 'node:fs';
import { DalaError } from '../../../electron/common/errors';

/**
 * Validated learners of a file being restored, one JSON line each, in a file next to the
 * database (which holds the same data): the apply then reads them back one at a time inside a
 * single synchronous transaction, so the restore is all or nothing in the memory of one learner.
 */
const FLUSH_AT = 1 << 20;

export class StagingFileWriter {
  private fd: number;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(readonly file: string) {
    this.fd = openFor(file, 'w');
  }

  append(value: unknown): void {
    const line = `${JSON.stringify(value)}\n`;
    this.pending.push(line);
    this.pendingLength += line.length;
    if (this.pendingLength >= FLUSH_AT) this.flush();
  }

  /** The streamed array started again (a repeated key: the last one wins). */
  restart(): void {
    this.pending = [];
    this.pendingLength = 0;
    fs.ftruncateSync(this.fd, 0);
    fs.closeSync(this.fd);
    this.fd = openFor(this.file, 'w');
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    fs.writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
  }
}

/** Each line of a staging file, parsed, read synchronously a megabyte at a time. */
export function* readStagingFile<T>(file: string): Generator<T> {
  const fd = openFor(file, 'r');
  const buffer = Buffer.alloc(FLUSH_AT);
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  try {
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      const text = carry + decoder.decode(buffer.subarray(0, read), { stream: true });
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        yield JSON.parse(text.slice(start, end)) as T;
        start = end + 1;
      }
      carry = text.slice(start);
    }
  } finally {
    fs.closeSync(fd);
  }
}

function openFor(file: string, flags: 'r' | 'w'): number {
  try {
    return fs.openSync(file, flags, 0o600);
  } catch (error) {
    throw new DalaError('storage', `Cannot use the staging file for this restore (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check that the data folder has free space.`);
  }
}
