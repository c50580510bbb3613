import fs from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { DalaError, isDalaError } from '../../../electron/common/errors';
import { fileError } from '../file-text';
import { loadAge } from './age-module';
import { detectEnvelope, ENVELOPE_HEAD_BYTES, isGzip } from './detect';
import { scryptIdentity } from './scrypt-passphrase';

/** What may open a protected file. Without a passphrase, an encrypted file is `passphrase_required`. */
export interface TransferUnlock {
  passphrase?: string | undefined;
}

function unreadable(file: string, error: unknown): DalaError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unreadable');
  return new DalaError('not_found', `Cannot read ${file}: ${reason}.`, 'file');
}

async function readHead(file: string): Promise<Buffer> {
  try {
    const handle = await fs.promises.open(file, 'r');
    try {
      const head = Buffer.alloc(ENVELOPE_HEAD_BYTES);
      const { bytesRead } = await handle.read(head, 0, head.byteLength, 0);
      return head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw unreadable(file, error);
  }
}

/** Stream errors say what they are about to a teacher: the file is cut short or damaged. */
function damage(error: unknown, file: string, stage: 'read' | 'gzip' | 'age'): DalaError {
  if (isDalaError(error)) return error;
  if (stage === 'read') return unreadable(file, error);
  if (stage === 'gzip') return fileError('The file is damaged: its compressed data is cut short or corrupt.');
  return fileError('The file is damaged: its encrypted data is cut short or was changed.');
}

async function* mapErrors(source: AsyncIterable<Uint8Array>, file: string, stage: 'read' | 'gzip' | 'age'): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of source) yield chunk;
  } catch (error) {
    throw damage(error, file, stage);
  }
}

/** Gunzips a plaintext that starts with the gzip magic bytes; passes any other through unchanged. */
async function* gunzipIfCompressed(source: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = first.value;
  async function* whole(): AsyncGenerator<Uint8Array> {
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  if (!isGzip(head)) {
    yield* whole();
    return;
  }
  let sourceError: unknown;
  const gunzip = pipeline(
    Readable.from(mapErrors(whole(), file, 'read')),
    zlib.createGunzip(),
    (error) => {
      sourceError = error;
    },
  );
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) yield chunk;
  } catch (error) {
    throw damage(isDalaError(sourceError) ? sourceError : error, file, 'gzip');
  }
}

async function decrypted(file: string, unlock: TransferUnlock): Promise<AsyncIterable<Uint8Array>> {
  if (!unlock.passphrase) throw new DalaError('passphrase_required', 'This file is protected with a passphrase. Enter the passphrase to open it.', 'passphrase');
  const { Decrypter } = await loadAge();
  const decrypter = new Decrypter();
  decrypter.addIdentity(scryptIdentity(unlock.passphrase));
  const cipherText = Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>;
  let plainText: ReadableStream<Uint8Array>;
  try {
    plainText = await decrypter.decrypt(cipherText);
  } catch (error) {
    await cipherText.cancel().catch(() => undefined);
    if (isDalaError(error)) throw error;
    if (error instanceof Error && /no identity matched/.test(error.message)) throw new DalaError('wrong_passphrase', 'That passphrase does not open this file. Nothing was changed. Check it and try again.', 'passphrase');
    throw fileError('The file is damaged: its encryption header is not valid.');
  }
  return mapErrors(Readable.fromWeb(plainText as unknown as import('node:stream/web').ReadableStream<Uint8Array>), file, 'age');
}

/**
 * A transfer file's plaintext, streamed: decrypted when it is an age file (which needs the
 * passphrase; a wrong one fails here, before any byte is returned), gunzipped when it is gzip.
 * Errors are typed DalaErrors with a message a teacher can act on.
 */
export async function openTransferFileReader(file: string, unlock: TransferUnlock): Promise<AsyncIterable<Uint8Array>> {
  const envelope = detectEnvelope(await readHead(file));
  if (envelope === 'age-armored') throw fileError('This file is age-encrypted in the text ("armored") form. Convert it with `age -d` first, or export it again from DALA.');
  const plain = envelope === 'age' ? await decrypted(file, unlock) : mapErrors(fs.createReadStream(file), file, 'read');
  return gunzipIfCompressed(plain, file);
}

/** A small transfer file's plaintext, whole (a profile file): refused past `maxBytes` of plaintext. */
export async function readTransferFileBytes(file: string, unlock: TransferUnlock, maxBytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of await openTransferFileReader(file, unlock)) {
    size += chunk.byteLength;
    // One byte past the limit is enough for the parser to report "too large".
    if (size > maxBytes) {
      parts.push(Buffer.from(chunk.subarray(0, chunk.byteLength - (size - maxBytes - 1))));
      break;
    }
    parts.push(Buffer.from(chunk));
  }
  return Buffer.concat(parts);
}
