import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { TransferFileStore } from '../database/transfer/transfer-file-store';
import { sendText } from './responses';

/**
 * Outside /api/: a plain `<a href download>` navigation fetches it, and that cannot carry the
 * token. The one-time key in the address is the capability instead.
 */
export const DOWNLOAD_PREFIX = '/files/';

const GONE = 'This download address has been used or has expired. Save the file again in DALA.\n';

/** The same-origin address saveTransferFile hands the window (ChannelEnvironment.downloadUrl). */
export function downloadUrlFor(fileId: string, key: string): string {
  return `${DOWNLOAD_PREFIX}${encodeURIComponent(fileId)}?key=${encodeURIComponent(key)}`;
}

/**
 * `attachment` with both forms of the name: `filename*` (RFC 6266/5987, UTF-8) for every current
 * browser, and an ASCII `filename` for anything older. RFC 5987 also reserves ' ( ) * which
 * encodeURIComponent leaves alone.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The file id and key an address names, or undefined when it is not one of ours. */
function parseDownload(rawUrl: string): { fileId: string; key: string } | undefined {
  let url: URL;
  let fileId: string;
  try {
    url = new URL(rawUrl, 'http://localhost');
    fileId = decodeURIComponent(url.pathname.slice(DOWNLOAD_PREFIX.length));
  } catch {
    return undefined;
  }
  const key = url.searchParams.get('key');
  if (fileId === '' || fileId.includes('/') || !key) return undefined;
  return { fileId, key };
}

/**
 * `GET /files/<fileId>?key=<key>`: streams a file this host made (an export, a backup) once per
 * key; saveTransferFile makes a new key for "Save again". The file stays in the store until it
 * expires or the host stops.
 */
export async function handleFileDownload(req: IncomingMessage, res: ServerResponse, store: Pick<TransferFileStore, 'takeDownload'>): Promise<void> {
  if (req.method !== 'GET') {
    // Not even HEAD: it would use up the key without the file.
    sendText(res, 405, 'Method not allowed.\n', { Allow: 'GET' });
    return;
  }
  const wanted = parseDownload(req.url ?? '');
  const file = wanted && store.takeDownload(wanted.fileId, wanted.key);
  if (!file) {
    sendText(res, 404, GONE);
    return;
  }
  let handle: fs.promises.FileHandle | undefined;
  let size: number;
  try {
    // Opened before answering, so a file gone meanwhile is a 404, not a broken download.
    handle = await fs.promises.open(file.path, 'r');
    size = (await handle.stat()).size;
  } catch {
    await handle?.close();
    sendText(res, 404, GONE);
    return;
  }
  const stream = handle.createReadStream();
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(size),
    'Content-Disposition': contentDisposition(file.fileName),
    'Cache-Control': 'no-store',
  });
  try {
    await pipeline(stream, res);
  } catch {
    // The browser cancelled the download: pipeline has closed the file and the connection.
  }
}
