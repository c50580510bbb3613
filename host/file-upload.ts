import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { MAX_BACKUP_FILE_BYTES } from '../database/transfer/backup-file';
import type { TransferFileStore } from '../database/transfer/transfer-file-store';
import { isDalaError } from '../electron/common/errors';
import type { TransferFileView } from '../electron/common/transfer-views';
import { declaredLength, hasMediaType, hasValidToken } from './request-guards';
import { sendError, sendJson } from './responses';

/** Checked before the channel route: `files` is not a channel. */
export const UPLOAD_PATH = '/api/files';
/** The original file name, `encodeURIComponent`-encoded (headers are Latin-1 only). */
export const FILE_NAME_HEADER = 'x-dala-file-name';
/** The largest backup, plus room for its age or gzip envelope (both grow the data a little). */
export const DEFAULT_UPLOAD_LIMIT_BYTES = MAX_BACKUP_FILE_BYTES + 1_048_576;
const MAX_NAME_LENGTH = 255;

export interface UploadContext {
  store: Pick<TransferFileStore, 'createOwned' | 'describe' | 'release'>;
  token: string;
  limitBytes: number;
}

/**
 * The name a browser sent, as a bare file name: decoded, only its last path segment (old browsers
 * send `C:\fakepath\…`), 1 to 255 characters, no control characters. Undefined when unusable.
 */
export function uploadedFileName(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(header);
  } catch {
    return undefined;
  }
  const name = decoded.split(/[\\/]/).pop() ?? '';
  if (name.length === 0 || name.length > MAX_NAME_LENGTH || name === '.' || name === '..' || /\p{Cc}/u.test(name)) return undefined;
  return name;
}

/**
 * Every refusal closes the connection: otherwise Node reads (and throws away) the rest of a body
 * that may be a gigabyte before the connection can be used again.
 */
function refuse(res: ServerResponse, status: number, code: 'invalid_input' | 'storage', message: string, headers: Record<string, string> = {}): void {
  sendError(res, status, code, message, { ...headers, Connection: 'close' });
}

const tooLargeMessage = (limit: number) => `The file is larger than ${limit} bytes.`;

class UploadTooLarge extends Error {}

/** The body's chunks, failing as soon as they add up to more than `limit`. */
async function* upTo(limit: number, chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > limit) throw new UploadTooLarge();
    yield chunk;
  }
}

function storageMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'error');
  return `The file could not be stored in the data folder (${reason}).`;
}

/**
 * `POST /api/files`: the browser's way to hand the host a file (a profile or a backup), streamed
 * to a file of the transfer store and never held in memory. Token, content type, name and size
 * are checked first; a body that turns out too large, a client that goes away and a failed write
 * all leave no file behind. Answers the file's view: channels then name it by its `fileId`.
 */
export async function handleFileUpload(req: IncomingMessage, res: ServerResponse, context: UploadContext): Promise<void> {
  if (req.method !== 'POST') {
    refuse(res, 405, 'invalid_input', 'Only POST is allowed here.', { Allow: 'POST' });
    return;
  }
  if (!hasValidToken(req.headers.authorization, context.token)) {
    refuse(res, 401, 'storage', 'This page is not allowed to reach DALA: open the address DALA printed when it started.', { 'WWW-Authenticate': 'Bearer' });
    return;
  }
  if (!hasMediaType(req.headers['content-type'], 'application/octet-stream')) {
    refuse(res, 415, 'invalid_input', 'A file is sent as its bytes (Content-Type: application/octet-stream).');
    return;
  }
  const fileName = uploadedFileName(req.headers[FILE_NAME_HEADER]);
  if (fileName === undefined) {
    refuse(res, 400, 'invalid_input', `The file's name is missing or not usable (X-Dala-File-Name: the name, URI-encoded, at most ${MAX_NAME_LENGTH} characters).`);
    return;
  }
  const limit = context.limitBytes;
  const length = declaredLength(req.headers);
  if (length !== undefined && length > limit) {
    refuse(res, 413, 'invalid_input', tooLargeMessage(limit));
    return;
  }

  let file: ReturnType<UploadContext['store']['createOwned']>;
  try {
    file = context.store.createOwned(fileName);
  } catch (error) {
    // The store's folder cannot be made (a read-only or full data folder).
    refuse(res, 500, 'storage', storageMessage(error));
    return;
  }
  const out = fs.createWriteStream(file.path, { flags: 'wx', mode: 0o600 });
  try {
    // Not destroyed on a refusal: destroying the request would cut the socket before the 413 is sent.
    await pipeline(upTo(limit, req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>), out);
  } catch (error) {
    // Windows cannot delete a file still open: wait for the write stream to let go of it.
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
    context.store.release(file.fileId);
    if (error instanceof UploadTooLarge) refuse(res, 413, 'invalid_input', tooLargeMessage(limit));
    // The client went away mid-upload: nobody to answer.
    else if (req.socket.destroyed) res.destroy();
    else refuse(res, 500, 'storage', storageMessage(error));
    return;
  }

  let view: TransferFileView;
  try {
    view = context.store.describe(file.fileId);
  } catch (error) {
    // Forgotten meanwhile (the store keeps a bounded number of files) or unreadable.
    context.store.release(file.fileId);
    if (!isDalaError(error)) throw error;
    sendError(res, 500, error.code, error.message);
    return;
  }
  sendJson(res, 200, { ok: true, value: view });
}
