import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords, PINs and picture passwords are stored only as scrypt hashes (memory-hard: 32 MiB per
 * try), with a random salt each, as `scrypt$N$r$p$salt$hash` so that the cost can rise later
 * without breaking existing hashes. Hashing runs on libuv's thread pool, never on the main thread.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
// scrypt needs 128 × N × r bytes; Node refuses more than 32 MiB unless told.
const maxmem = (N: number, r: number) => 256 * N * r;

function derive(secret: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: maxmem(cost.N, cost.r) };
  return new Promise((resolve, reject) => scrypt(secret.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(secret, salt, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

const HASH = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

/** Whether `secret` matches `stored`, compared in constant time. A malformed hash matches nothing. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const m = HASH.exec(stored);
  if (!m) return false;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // A hash from a damaged or hostile file must not make us allocate gigabytes.
  if (N > 2 ** 20 || r > 32 || p > 16 || N < 2) return false;
  const expected = Buffer.from(m[5] as string, 'base64');
  const key = await derive(secret, Buffer.from(m[4] as string, 'base64'), { N, r, p });
  return expected.length === key.length && timingSafeEqual(expected, key);
}

/** A hash no secret matches, so that an unknown username costs as much time as a known one. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashSecret(randomBytes(16).toString('hex'));
  return decoy;
}
