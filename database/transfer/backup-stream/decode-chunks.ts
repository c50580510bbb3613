import { fileError } from '../file-text';

/**
 * The bytes of a file, checked as decodeJsonFile checks a whole one (empty, too large, a byte-order
 * mark, UTF-16, not UTF-8), turned into text a chunk at a time. `onBytes` sees every raw byte (the
 * checksum of a file in the canonical layout is computed over them).
 */
export async function* decodeChunks(source: AsyncIterable<Uint8Array | string>, maxBytes: number, what: string, onBytes?: (bytes: Uint8Array) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let size = 0;
  let head: Uint8Array | undefined = new Uint8Array(0);
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return decoder.decode(bytes, { stream });
    } catch {
      throw fileError(`The ${what} is not UTF-8 text; it is not a DALA file or it is damaged.`);
    }
  };
  const checkHead = (bytes: Uint8Array) => {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) throw fileError(`The ${what} starts with a byte-order mark; it was changed by another program. Export it again from DALA.`);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw fileError(`The ${what} is UTF-16 text, not UTF-8; it was changed by another program.`);
  };
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (bytes.byteLength === 0) continue;
    size += bytes.byteLength;
    if (size > maxBytes) throw fileError(`The ${what} is too large (more than ${Math.round(maxBytes / 1_048_576)} MB).`);
    onBytes?.(bytes);
    if (head) {
      // The first three bytes decide about byte-order marks; hold them until there are three.
      const joined: Uint8Array = Buffer.concat([head, bytes]);
      if (joined.byteLength < 3) {
        head = joined;
        continue;
      }
      checkHead(joined);
      head = undefined;
      yield decode(joined, true);
      continue;
    }
    yield decode(bytes, true);
  }
  if (size === 0) throw fileError(`The ${what} is empty.`);
  if (head) {
    checkHead(head);
    yield decode(head, true);
  }
  const rest = decode(new Uint8Array(0), false);
  if (rest) yield rest;
}
