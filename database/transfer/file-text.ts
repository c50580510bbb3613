import { DalaError } from '../../electron/common/errors';

/**
 * Turns the bytes of a profile or backup file into JSON, refusing what is not a DALA file with
 * one clear sentence each: too large, a byte-order mark, not UTF-8, not JSON, nested too deeply.
 */
export function fileError(message: string, path?: string): DalaError {
  return new DalaError('invalid_input', path ? `${message} (at ${path})` : message, path);
}

/** `onText` receives the decoded text (a backup in the canonical layout has its checksum checked on it). */
export function decodeJsonFile(bytes: Uint8Array | string, maxBytes: number, what: string, onText?: (text: string) => void): unknown {
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
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof RangeError) throw fileError(`The ${what} is nested too deeply to be a DALA file.`);
    throw fileError(describeSyntaxError(text, (error as Error).message, what));
  }
  if (nestingDepth(parsed) > MAX_NESTING) throw fileError(`The ${what} is nested too deeply to be a DALA file (more than ${MAX_NESTING} levels).`);
  onText?.(text);
  return parsed;
}

/** DALA files nest a few levels; details are limited to 16 more. Deeper is not a DALA file. */
export const MAX_NESTING = 64;

/** Depth of nested arrays/objects, measured without recursion so no input can overflow the stack. */
export function nestingDepth(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  // Two parallel stacks of containers only (a backup has millions of values; no pair per value).
  const containers: object[] = [value];
  const depths: number[] = [1];
  while (containers.length > 0) {
    const current = containers.pop() as Record<string, unknown>;
    const depth = depths.pop() as number;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_NESTING) return deepest;
    const children = Array.isArray(current) ? (current as unknown[]) : Object.values(current);
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child !== null && typeof child === 'object') {
        containers.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return deepest;
}

/**
 * One line, without quoting the file (V8 messages may include a snippet of it, newlines and all).
 * A syntax error at the very end of the text means the file was cut off.
 */
function describeSyntaxError(text: string, message: string, what: string): string {
  const position = /at position (\d+)/.exec(message);
  const atEnd = position ? Number(position[1]) >= text.trimEnd().length : /Unexpected end|Unterminated/i.test(message);
  if (atEnd || /Unexpected end of JSON input/i.test(message)) return `The ${what} is cut off (truncated): it ends in the middle of the data.`;
  const where = position ? ` at character ${position[1]}` : '';
  const token = /Unexpected token '?(.)'?/.exec(message)?.[1];
  const detail = token ? `Unexpected token "${token}"${where}` : message.replace(/, ".*$/s, '').replace(/\s+/g, ' ').replace(/ in JSON/, '').trim();
  return `The ${what} is not valid JSON: ${detail}.`;
}

/** Dotted/bracketed JSON path of a zod issue: records.activityAttempts[3].score */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '') || '$';
}
