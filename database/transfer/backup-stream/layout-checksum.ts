import { createHash, type Hash } from 'node:crypto';

/**
 * The checksum of a file in one of the two canonical layouts this app writes, computed over its
 * raw bytes as they stream by, so a backup is checked without building canonical JSON again:
 * - checksum first (files written before 0.3): `{"checksum":{…"value":"<hex>"},<canonical members>}`,
 *   the payload being `{` + what follows the checksum member;
 * - checksum last (streamed files): `{<canonical members>,"checksum":{…"value":"<hex>"}}`, the
 *   payload being everything before `,"checksum"` + `}`; a writer can only know the checksum at the end.
 * Either may end with one newline. `result()` is undefined for any other layout: then the
 * reader computes canonical JSON from the values (a mismatch here never means "damaged").
 */
const FIRST_PREFIX = Buffer.from('{"checksum":{"algorithm":"sha256","value":"');
const FIRST_SUFFIX = Buffer.from('"},');
const FIRST_BODY_START = FIRST_PREFIX.length + 64 + FIRST_SUFFIX.length;
const LAST_PREFIX = Buffer.from(',"checksum":{"algorithm":"sha256","value":"');
const LAST_SUFFIX = Buffer.from('"}}');
const LAST_LENGTH = LAST_PREFIX.length + 64 + LAST_SUFFIX.length;
/** Bytes held back from the hash until the end is known: the checksum member and a newline. */
const HOLD = LAST_LENGTH + 1;
const HEX = /^[0-9a-f]{64}$/;

export class LayoutChecksum {
  private head: Buffer | undefined = Buffer.alloc(0);
  private mode: 'first' | 'last' | undefined;
  private stored: string | undefined;
  private readonly hash: Hash = createHash('sha256');
  private tail = Buffer.alloc(0);

  update(bytes: Uint8Array): void {
    let data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (this.head) {
      this.head = Buffer.concat([this.head, data]);
      if (this.head.length < FIRST_BODY_START) return;
      data = this.decide(this.head);
      this.head = undefined;
    }
    this.hold(data);
  }

  /** The payload's SHA-256 for a file in a canonical layout, or undefined. */
  result(): string | undefined {
    if (this.head) {
      if (this.head.length < FIRST_BODY_START) return this.finishShort(this.head);
      this.hold(this.decide(this.head));
      this.head = undefined;
    }
    let end = this.tail.length;
    if (end > 0 && this.tail[end - 1] === 0x0a) end--;
    if (this.mode === 'first') {
      if (end === 0 || this.tail[end - 1] !== 0x7d || this.stored === undefined) return undefined;
      return this.hash.update(this.tail.subarray(0, end)).digest('hex');
    }
    if (end < LAST_LENGTH) return undefined;
    const member = this.tail.subarray(end - LAST_LENGTH, end);
    if (!member.subarray(0, LAST_PREFIX.length).equals(LAST_PREFIX) || !member.subarray(LAST_LENGTH - LAST_SUFFIX.length).equals(LAST_SUFFIX)) return undefined;
    const value = member.subarray(LAST_PREFIX.length, LAST_PREFIX.length + 64).toString('latin1');
    if (!HEX.test(value)) return undefined;
    this.hash.update(this.tail.subarray(0, end - LAST_LENGTH));
    return this.hash.update('}').digest('hex');
  }

  /** Looks at the first bytes: which layout, and what to hash of them. */
  private decide(head: Buffer): Buffer {
    const first =
      head.subarray(0, FIRST_PREFIX.length).equals(FIRST_PREFIX) && head.subarray(FIRST_BODY_START - FIRST_SUFFIX.length, FIRST_BODY_START).equals(FIRST_SUFFIX);
    if (!first) {
      this.mode = 'last';
      return head;
    }
    this.mode = 'first';
    this.stored = head.subarray(FIRST_PREFIX.length, FIRST_PREFIX.length + 64).toString('latin1');
    this.hash.update('{');
    return head.subarray(FIRST_BODY_START);
  }

  private hold(data: Buffer): void {
    const joined = this.tail.length === 0 ? data : Buffer.concat([this.tail, data]);
    if (joined.length <= HOLD) {
      this.tail = Buffer.from(joined);
      return;
    }
    this.hash.update(joined.subarray(0, joined.length - HOLD));
    this.tail = Buffer.from(joined.subarray(joined.length - HOLD));
  }

  /** A file shorter than the checksum-first header: only the checksum-last layout can fit. */
  private finishShort(head: Buffer): string | undefined {
    this.mode = 'last';
    this.head = undefined;
    this.hold(head);
    return this.result();
  }
}
