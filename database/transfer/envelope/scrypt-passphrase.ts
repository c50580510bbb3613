import crypto from 'node:crypto';
import type { Identity, Recipient, Stanza } from 'age-encryption';
import { DalaError } from '../../../electron/common/errors';
import { loadAge } from './age-module';

/**
 * The age scrypt recipient and identity (age-encryption.org/v1 spec, "scrypt recipient stanza"),
 * with Node's native scrypt instead of the library's JavaScript one: it is ten times faster and runs
 * on libuv's thread pool, so deriving the key never holds the thread that called it. Files are
 * byte-for-byte what `age -p` writes and reads.
 */

const LABEL = Buffer.from('age-encryption.org/v1/scrypt', 'latin1');
/**
 * Work factor for files this app writes: 2^16 needs 64 MiB and about 0.3 s. age's own default
 * (18) needs 256 MiB, which a 4 GB lab machine busy with a restore should not have to find.
 */
export const SCRYPT_LOG_N = 16;
/** The most a file may ask for when read; age-encryption refuses more than this too (1 GiB). */
const MAX_LOG_N = 20;
const ZERO_NONCE = Buffer.alloc(12);

function deriveKey(passphrase: string, salt: Uint8Array, logN: number): Promise<Buffer> {
  const N = 2 ** logN;
  return new Promise((resolve, reject) => {
    crypto.scrypt(passphrase, Buffer.concat([LABEL, salt]), 32, { N, r: 8, p: 1, maxmem: 128 * N * 8 + 16 * 1_048_576 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function base64NoPad(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/=+$/, '');
}

/** Strict unpadded standard base64, as the age spec requires (anything else is not an age file). */
function fromBase64NoPad(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]*$/.test(text) || text.length % 4 === 1) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return base64NoPad(bytes) === text ? bytes : undefined;
}

export async function scryptRecipient(passphrase: string, logN = SCRYPT_LOG_N): Promise<Recipient> {
  const { Stanza: StanzaClass } = await loadAge();
  return {
    async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
      const salt = crypto.randomBytes(16);
      const key = await deriveKey(passphrase, salt, logN);
      const cipher = crypto.createCipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 });
      const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
      return [new StanzaClass(['scrypt', base64NoPad(salt), String(logN)], body)];
    },
  };
}

function damagedHeader(): DalaError {
  return new DalaError('invalid_input', 'The file is damaged: its passphrase header is not valid.', 'file');
}

/**
 * Returns the file key, or null when the passphrase is not the one (the caller reports
 * `wrong_passphrase`). A file for other kinds of age recipients is refused with a clear message.
 */
export function scryptIdentity(passphrase: string): Identity {
  return {
    async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
      const scrypt = stanzas.filter((s) => s.args[0] === 'scrypt');
      if (scrypt.length === 0) throw new DalaError('invalid_input', 'This file is encrypted for an age key, not with a passphrase. Decrypt it with age and that key first.', 'file');
      if (stanzas.length !== 1) throw damagedHeader();
      const [stanza] = scrypt as [Stanza];
      const [, saltText, logNText] = stanza.args;
      if (stanza.args.length !== 3 || !logNText || !/^[1-9][0-9]*$/.test(logNText) || saltText === undefined) throw damagedHeader();
      const salt = fromBase64NoPad(saltText);
      if (!salt || salt.byteLength !== 16 || stanza.body.byteLength !== 32) throw damagedHeader();
      const logN = Number(logNText);
      if (logN > MAX_LOG_N) throw new DalaError('invalid_input', `This file asks for more memory to unlock than the app allows (scrypt work factor ${logN}; at most ${MAX_LOG_N}). Re-encrypt it with a lower one.`, 'file');
      const key = await deriveKey(passphrase, salt, logN);
      const decipher = crypto.createDecipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 });
      decipher.setAuthTag(stanza.body.subarray(16));
      try {
        return Buffer.concat([decipher.update(stanza.body.subarray(0, 16)), decipher.final()]);
      } catch {
        return null;
      }
    },
  };
}
