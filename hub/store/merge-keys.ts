import { canonicalJson } from '../../electron/common/merge/canonical-json';

/**
 * The tie-breaks of the merge laws compare canonical JSON (and display names) as JavaScript
 * strings, by UTF-16 code units. PostgreSQL compares text by its collation and UTF-8 bytes, which
 * orders characters above U+FFFF differently; bytea compares bytes. The UTF-16BE bytes of a string
 * compare exactly like the string does in JavaScript, so the hub stores those as the sort keys.
 */
export function utf16Key(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

/** Hex of utf16Key(text): how the keys travel in the unnest() arrays of the upserts. */
export function utf16KeyHex(text: string): string {
  return utf16Key(text).toString('hex');
}

/** The tie key of a row (or of progress details): UTF-16BE of its canonical JSON. */
export function canonicalKeyHex(value: unknown): string {
  return utf16KeyHex(canonicalJson(value));
}

/**
 * PostgreSQL text cannot hold U+0000, and a lone surrogate would reach it as U+FFFD: either would
 * make the hub's row differ from the machine's. Text columns are checked; details travel as JSON
 * text, where JSON.stringify escapes both.
 */
const NOT_STORABLE = /\u0000|\p{Cs}/u;
export function storableText(text: string): boolean {
  return !NOT_STORABLE.test(text);
}
