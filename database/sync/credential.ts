import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The machine credential the hub gave at enrolment. It is never stored in plain text: the database
 * holds it sealed (AES-256-GCM) under a random key kept in a separate file readable only by this
 * account, as the school transfer passphrase is (transfer/school-passphrase.ts), so a copied
 * database or snapshot does not give it away. It is never logged, and never leaves this module
 * except as the Authorization header of a request to the hub.
 */
const KEY_FILE = path.join('keys', 'school-hub-credential.key');
const KEY_BYTES = 32;

const sealedSchema = z.strictObject({ v: z.literal(1), iv: z.string(), tag: z.string(), sealed: z.string() });

function readKey(dataDir: string): Buffer | undefined {
  const file = path.join(dataDir, KEY_FILE);
  if (!fs.existsSync(file)) return undefined;
  const key = fs.readFileSync(file);
  return key.length === KEY_BYTES ? key : undefined;
}

function keyFor(dataDir: string): Buffer {
  const existing = readKey(dataDir);
  if (existing) return existing;
  const file = path.join(dataDir, KEY_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  // A fresh key each time one is missing; the file is written whole before it is used.
  const temp = `${file}.partial-${process.pid}`;
  fs.writeFileSync(temp, key, { mode: 0o600 });
  fs.renameSync(temp, file);
  return key;
}

/** Seals the credential for the database; makes the key file when there is none. */
export function sealCredential(dataDir: string, credential: string): string {
  const key = keyFor(dataDir);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(credential, 'utf8'), cipher.final()]);
  return JSON.stringify({ v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), sealed: sealed.toString('base64') });
}

/** The credential, or undefined when it cannot be opened (its key file is gone or is another one). */
export function unsealCredential(dataDir: string, sealedText: string): string | undefined {
  const key = readKey(dataDir);
  if (!key) return undefined;
  try {
    const { iv, tag, sealed } = sealedSchema.parse(JSON.parse(sealedText));
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/** Leaving the school: the key goes too, so a sealed copy left in an old snapshot cannot be opened. */
export function forgetCredentialKey(dataDir: string): void {
  fs.rmSync(path.join(dataDir, KEY_FILE), { force: true });
}
