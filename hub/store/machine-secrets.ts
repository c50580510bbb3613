import { createHash, randomBytes, randomInt } from 'node:crypto';
import { machineCredentialSchema } from '../../electron/common/sync/hub-protocol';

/**
 * Secrets the hub hands out and keeps only hashes of: machine credentials
 * (`<machineId>.<base64url of 32 random bytes>`, 256 bits) and enrolment codes (16 characters of
 * an alphabet without 0/O and 1/I: 80 bits, typed by a person from a screen or a sheet of paper).
 * Both are high-entropy, so a plain SHA-256 is enough to look them up by.
 */

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function newMachineCredential(machineId: string): { credential: string; secretHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { credential: `${machineId}.${secret}`, secretHash: sha256Hex(secret) };
}

/** The machine id and the hash of the secret, or undefined when it is not a credential at all. */
export function parseMachineCredential(credential: string): { machineId: string; secretHash: string } | undefined {
  if (!machineCredentialSchema.safeParse(credential).success) return undefined;
  const dot = credential.indexOf('.');
  return { machineId: credential.slice(0, dot).toLowerCase(), secretHash: sha256Hex(credential.slice(dot + 1)) };
}

// 32 symbols: 5 bits each, 16 of them make 80 bits.
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_LENGTH = 16;

/** A new enrolment code in groups of four: `ABCD-EFGH-JKLM-NPQR`. */
export function newEnrolmentCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += (i > 0 && i % 4 === 0 ? '-' : '') + CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What is hashed: case and dashes do not matter to the person typing the code. */
export function enrolmentCodeHash(code: string): string {
  return sha256Hex(code.toUpperCase().replace(/[-\s]/g, ''));
}
