import { createHash } from 'node:crypto';
import { canonicalJson, writeCanonical, type CanonicalSink } from '../../electron/common/merge/canonical-json';

export { canonicalJson };

/* Checksums over canonical JSON; the canonical writer itself is pure and lives in common. */

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The checksum over everything in the document except the `checksum` member itself. */
export function payloadChecksum(document: Record<string, unknown>): string {
  const { checksum: _ignored, ...payload } = document;
  const hash = createHash('sha256');
  const sink: CanonicalSink = { text: '' };
  writeCanonical(payload, sink, (s) => {
    hash.update(s.text, 'utf8');
    s.text = '';
  });
  hash.update(sink.text, 'utf8');
  return hash.digest('hex');
}

/**
 * A document written as its `checksum` member first, then every other member in canonical JSON:
 * `{"checksum":{"algorithm":"sha256","value":"…"},"appVersion":…}`. The text after the checksum
 * member is then exactly the canonical payload, so a reader can check the checksum by hashing the
 * text (checksumOfCanonicalDocument) instead of rebuilding canonical JSON from the parsed values.
 * It is ordinary JSON: any reader (and this app's slower path) parses it the usual way.
 */
const CHECKSUM_PREFIX = '{"checksum":{"algorithm":"sha256","value":"';
const CHECKSUM_SUFFIX = '"},';

/** The canonical text of `payload` (everything but the checksum) with `checksum` as its first member. */
export function canonicalDocumentText(payload: Record<string, unknown>, checksum?: string): { text: string; checksum: string } {
  const { checksum: _ignored, ...rest } = payload;
  const body = canonicalJson(rest);
  const value = checksum ?? sha256Hex(body);
  const text = body === '{}' ? `${CHECKSUM_PREFIX}${value}"}}` : `${CHECKSUM_PREFIX}${value}${CHECKSUM_SUFFIX}${body.slice(1)}`;
  return { text, checksum: value };
}

/**
 * For a text laid out by canonicalDocumentText (one final newline allowed): the SHA-256 of the text
 * after the checksum member, which equals the stored checksum when the file is as it was written.
 * `undefined` for any other layout; a mismatch only means "check the slow way", never "damaged".
 */
export function checksumOfCanonicalDocument(text: string): string | undefined {
  const bodyStart = CHECKSUM_PREFIX.length + 64 + CHECKSUM_SUFFIX.length;
  if (!text.startsWith(CHECKSUM_PREFIX) || text.slice(bodyStart - CHECKSUM_SUFFIX.length, bodyStart) !== CHECKSUM_SUFFIX) return undefined;
  const end = text.endsWith('}\n') ? text.length - 1 : text.length;
  if (text.charCodeAt(end - 1) !== 0x7d) return undefined;
  return createHash('sha256').update('{', 'utf8').update(text.slice(bodyStart, end), 'utf8').digest('hex');
}
