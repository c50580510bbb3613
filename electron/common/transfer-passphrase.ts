import { z } from 'zod';

/**
 * Passphrases that protect files leaving the machine (age scrypt encryption). A new one must be
 * long enough to resist guessing by someone who found the USB stick: four or five random words.
 */
export const MIN_TRANSFER_PASSPHRASE_LENGTH = 12;
const MAX_TRANSFER_PASSPHRASE_LENGTH = 1024;

/** For protecting a file: long enough, not only spaces. */
export const newTransferPassphrase = z
  .string()
  .min(MIN_TRANSFER_PASSPHRASE_LENGTH, `must have at least ${MIN_TRANSFER_PASSPHRASE_LENGTH} characters (four or five words are easy to type and hard to guess)`)
  .max(MAX_TRANSFER_PASSPHRASE_LENGTH, `must be at most ${MAX_TRANSFER_PASSPHRASE_LENGTH} characters`)
  .refine((p) => p.trim().length > 0, 'must not be only spaces');

/** For opening a file: whatever it was protected with (a file made by `age -p` may have a short one). */
export const givenTransferPassphrase = z.string().min(1, 'must not be empty').max(MAX_TRANSFER_PASSPHRASE_LENGTH, `must be at most ${MAX_TRANSFER_PASSPHRASE_LENGTH} characters`);
