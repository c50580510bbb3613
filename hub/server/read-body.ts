import type http from 'node:http';
import { MAX_HUB_REQUEST_BYTES } from '../../electron/common/sync/hub-protocol';
import { HttpRefusal } from './hub-responses';

const tooLarge = (limit: number) =>
  new HttpRefusal('payload_too_large', `The request body is larger than ${limit} bytes: send fewer operations per push.`, 413, { Connection: 'close' });

/** `application/json`, with or without parameters (`; charset=utf-8`); nothing else is parsed. */
function requireJsonContentType(req: http.IncomingMessage): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return;
  const sent = type ? `Content-Type ${type.slice(0, 60)}` : 'no Content-Type';
  throw new HttpRefusal('invalid_input', `The request has ${sent}: send the body as JSON with Content-Type: application/json.`, 415);
}

/**
 * Reads a JSON body, at most `limit` bytes, sent as application/json. A declared Content-Length over the limit is refused
 * before a byte is read; a chunked body is counted as it streams and reading stops at the first
 * chunk past the limit (the connection is then closed, so the rest is never buffered).
 */
export async function readJsonBody(req: http.IncomingMessage, limit = MAX_HUB_REQUEST_BYTES): Promise<unknown> {
  requireJsonContentType(req);
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve());
    req.once('error', (error) => reject(new HttpRefusal('invalid_input', `The request body could not be read (${error.message}).`)));
    req.once('aborted', () => reject(new HttpRefusal('invalid_input', 'The request was aborted before its body ended.')));
  });
  if (size === 0) throw new HttpRefusal('invalid_input', 'The request has no body: send a JSON object.');
  try {
    return JSON.parse(Buffer.concat(chunks, size).toString('utf8')) as unknown;
  } catch {
    // The parser's message quotes the body; say where it is wrong without repeating it.
    throw new HttpRefusal('invalid_input', 'The request body is not valid JSON.');
  }
}
