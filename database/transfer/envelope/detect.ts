/**
 * What wraps a transfer file, told by its first bytes (never by its name: files get renamed on
 * the way between machines). An age file starts with its version line; gzip with 1f 8b.
 */
export type TransferEnvelope = 'age' | 'age-armored' | 'gzip' | 'plain';

const AGE_VERSION_LINE = Buffer.from('age-encryption.org/v1\n', 'latin1');
const AGE_ARMOR_LINE = Buffer.from('-----BEGIN AGE ENCRYPTED FILE-----', 'latin1');

/** How many leading bytes `detectEnvelope` needs at most. */
export const ENVELOPE_HEAD_BYTES = AGE_ARMOR_LINE.byteLength;

export function isGzip(head: Uint8Array): boolean {
  return head.byteLength >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

function startsWith(head: Uint8Array, prefix: Buffer): boolean {
  return head.byteLength >= prefix.byteLength && prefix.equals(head.subarray(0, prefix.byteLength));
}

export function detectEnvelope(head: Uint8Array): TransferEnvelope {
  if (startsWith(head, AGE_VERSION_LINE)) return 'age';
  if (startsWith(head, AGE_ARMOR_LINE)) return 'age-armored';
  if (isGzip(head)) return 'gzip';
  return 'plain';
}
