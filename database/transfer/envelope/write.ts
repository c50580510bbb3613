import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { DalaError, isDalaError } from '../../../electron/common/errors';
import { loadAge } from './age-module';
import { scryptRecipient } from './scrypt-passphrase';

/** How a transfer file is wrapped: gzip inside, age passphrase encryption outside, both optional. */
export interface TransferProtection {
  passphrase?: string | undefined;
  gzip?: boolean | undefined;
}

export interface TransferFileWriter {
  /** Resolves once the text is accepted (waits while the disk or the cipher is behind). */
  write(chunk: string | Uint8Array): Promise<void>;
  /** Flushes, syncs and moves the file into place; until then, `file` is untouched. */
  finish(): Promise<{ sizeBytes: number }>;
  /** Removes what was written; `file` is untouched. */
  abort(): Promise<void>;
}

function cannotWrite(file: string, error: unknown): DalaError {
  if (isDalaError(error)) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? (error as Error).message);
  return new DalaError('storage', `Cannot write ${file}: ${reason}.`, 'out');
}

async function encrypted(plainText: Readable, passphrase: string): Promise<Readable> {
  const { Encrypter } = await loadAge();
  const encrypter = new Encrypter();
  encrypter.addRecipient(await scryptRecipient(passphrase));
  const cipherText = await encrypter.encrypt(Readable.toWeb(plainText) as ReadableStream<Uint8Array>);
  // Typed as the DOM's stream where a DOM lib is loaded too (renderer tests): it is Node's web stream.
  return Readable.fromWeb(cipherText as unknown as import('node:stream/web').ReadableStream<Uint8Array>);
}

/**
 * Writes a transfer file as a stream, through a temporary file next to it and a rename, so a
 * crash, a full disk or a cancel never leaves half a file under the name the user chose.
 */
export async function createTransferFileWriter(file: string, protection: TransferProtection): Promise<TransferFileWriter> {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) throw new DalaError('not_found', `Cannot write ${file}: the folder ${dir} does not exist.`, 'out');
  const temp = `${file}.partial-${process.pid}`;
  const input = new PassThrough();
  let plainText: Readable = input;
  if (protection.gzip) plainText = input.pipe(zlib.createGzip({ level: 6 }));
  // Stages outside the pipeline below report through it; only abort() destroys them with an error.
  for (const stage of new Set([input, plainText])) stage.on('error', () => undefined);
  let output: Readable;
  try {
    output = protection.passphrase ? await encrypted(plainText, protection.passphrase) : plainText;
  } catch (error) {
    throw cannotWrite(file, error);
  }
  const sink: Writable = fs.createWriteStream(temp, { flags: 'w' });
  // The file is opened asynchronously: removing it before the stream has closed could race its open.
  const sinkClosed = new Promise<void>((resolve) => sink.once('close', () => resolve()));
  let failure: unknown;
  const done = pipeline(output, sink).catch((error: unknown) => {
    failure ??= error;
    throw error;
  });
  done.catch(() => undefined);
  let settled = false;

  const removeTemp = async () => {
    sink.destroy();
    await sinkClosed;
    await fs.promises.rm(temp, { force: true });
  };

  return {
    async write(chunk) {
      if (failure !== undefined) throw cannotWrite(file, failure);
      if (input.write(chunk)) return;
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          input.off('close', onClose);
          resolve();
        };
        const onClose = () => {
          input.off('drain', onDrain);
          reject(cannotWrite(file, failure ?? new Error('the file was closed')));
        };
        input.once('drain', onDrain);
        input.once('close', onClose);
        done.catch((error: unknown) => reject(cannotWrite(file, error)));
      });
    },
    async finish() {
      settled = true;
      input.end();
      try {
        await done;
        const handle = await fs.promises.open(temp, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        const { size } = await fs.promises.stat(temp);
        await fs.promises.rename(temp, file);
        return { sizeBytes: size };
      } catch (error) {
        await removeTemp();
        throw cannotWrite(file, error);
      }
    },
    async abort() {
      if (!settled) {
        settled = true;
        const cancelled = new Error('cancelled');
        failure ??= cancelled;
        // Every stage, not only the first: a gzip or cipher stage left waiting would never end.
        for (const stage of new Set([input, plainText, output])) stage.destroy(cancelled);
        await done.catch(() => undefined);
      }
      await removeTemp();
    },
  };
}
