import { DalaError } from '../../electron/common/errors';

/**
 * Turns the bytes of a profile or backup file into JSON, refusing what is not a DALA file with
 * one clear sentence each: too large, a byte-order mark, not UTF-8, not JSON, nested too deeply.
 */
export function fileError(message: string, path?: string): DalaError {
  return new DalaError('invalid_input', path ? `${message} (at ${path})` : message, path);
}

export function decodeJsonFile(bytes: Uint8Array | string, maxBytes: number, what: string): unknown {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes, 'utf8') : bytes.byteLength;
  if (size === 0) throw fileError(`The ${what} is empty.`);
  if (size > maxBytes) throw fileError(`The ${what} is too large (${(size / 1_048_576).toFixed(1)} MB; at most ${Math.round(maxBytes / 1_048_576)} MB).`);
  let text: string;
  if (typeof bytes === 'string') text = bytes;
  else {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) throw fileError(`The ${what} starts with a byte-order mark; it was changed by another program. Export it again from DALA.`);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw fileError(`The ${what} is UTF-16 text, not UTF-8; it was changed by another program.`);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw fileError(`The ${what} is not UTF-8 text; it is not a DALA file or it is damaged.`);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) throw fileError(`The ${what} starts with a byte-order mark; it was changed by another program. Export it again from DALA.`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof RangeError) throw fileError(`The ${what} is nested too deeply to be a DALA file.`);
    const detail = (error as Error).message.replace(/^JSON\.parse: /, '');
    const truncated = /end of (JSON )?(data|input)|Unterminated/i.test(detail);
    throw fileError(truncated ? `The ${what} is cut off (truncated): ${detail}.` : `The ${what} is not valid JSON: ${detail}.`);
  }
}

/** Dotted/bracketed JSON path of a zod issue: records.activityAttempts[3].score */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '') || '$';
}
