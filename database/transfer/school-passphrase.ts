import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DalaError } from '../../electron/common/errors';

/**
 * The school transfer passphrase an admin sets once, proposed when files are protected and tried
 * when protected files are opened. It is never stored in plain text: it is sealed (AES-256-GCM)
 * under a random key kept in a separate file readable only by this account, so a copied
 * database, backup or settings file does not give it away. (Whoever can read this account's data
 * folder can read the learners anyway.)
 */
const KEY_FILE = path.join('keys', 'transfer-passphrase.key');
const SEALED_FILE = 'school-transfer-passphrase.sealed';

function keyOf(dataDir: string, create: boolean): Buffer | undefined {
  const file = path.join(dataDir, KEY_FILE);
  if (fs.existsSync(file)) return fs.readFileSync(file);
  if (!create) return undefined;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
  return key;
}

function writeAtomically(file: string, content: string): void {
  const temp = `${file}.partial-${process.pid}`;
  fs.writeFileSync(temp, content, { mode: 0o600 });
  fs.renameSync(temp, file);
}

export function setSchoolTransferPassphrase(dataDir: string, passphrase: string | null): void {
  const sealedFile = path.join(dataDir, SEALED_FILE);
  if (passphrase === null) {
    fs.rmSync(sealedFile, { force: true });
    return;
  }
  const key = keyOf(dataDir, true) as Buffer;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(passphrase, 'utf8'), cipher.final()]);
  writeAtomically(sealedFile, JSON.stringify({ v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), sealed: sealed.toString('base64') }));
}

export function hasSchoolTransferPassphrase(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, SEALED_FILE));
}

/** The school passphrase, or undefined when none is set (or its key is gone: it cannot be used then). */
export function schoolTransferPassphrase(dataDir: string): string | undefined {
  const sealedFile = path.join(dataDir, SEALED_FILE);
  if (!fs.existsSync(sealedFile)) return undefined;
  const key = keyOf(dataDir, false);
  if (!key) return undefined;
  try {
    const { iv, tag, sealed } = JSON.parse(fs.readFileSync(sealedFile, 'utf8')) as { iv: string; tag: string; sealed: string };
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/** The school passphrase for protecting a file, or a clear error when an admin has not set one. */
export function requireSchoolTransferPassphrase(dataDir: string): string {
  const passphrase = schoolTransferPassphrase(dataDir);
  if (passphrase === undefined) throw new DalaError('invalid_input', 'No school passphrase is set on this computer. Ask an admin to set one in Settings, or type a passphrase for this file.', 'useSchoolPassphrase');
  return passphrase;
}
