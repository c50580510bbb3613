import { givenTransferPassphrase, newTransferPassphrase } from '../../electron/common/transfer-passphrase';
import { DalaError, isDalaError } from '../../electron/common/errors';
import type { TransferProtection, TransferUnlock } from '../transfer/file-transfers';
import { refuseSecretsOnArgv, validArgument } from './arguments';
import type { CommandContext } from './command';
import { readSecretLine } from './secret-input';

/**
 * The flags of commands that write or read files that leave the machine: `--gzip` and a
 * passphrase that only ever comes in on stdin (never argv: shell history, the process list).
 */
export const WRITE_PROTECTION_OPTIONS = { gzip: { type: 'boolean' }, 'passphrase-stdin': { type: 'boolean' } } as const;
export const READ_PROTECTION_OPTIONS = { 'passphrase-stdin': { type: 'boolean' } } as const;

export function refusePassphraseOnArgv(args: readonly string[], usage: string): void {
  refuseSecretsOnArgv(args, ['--passphrase'], usage);
}

export async function protectionArguments(values: { gzip?: boolean | undefined; 'passphrase-stdin'?: boolean | undefined }, context: CommandContext, usage: string): Promise<TransferProtection> {
  const protection: TransferProtection = { gzip: values.gzip === true };
  if (values['passphrase-stdin']) {
    const line = await readSecretLine(context.io, 'passphrase', '--passphrase-stdin', usage);
    protection.passphrase = validArgument(newTransferPassphrase, line, 'the passphrase from --passphrase-stdin', usage);
  }
  return protection;
}

export async function unlockArguments(values: { 'passphrase-stdin'?: boolean | undefined }, context: CommandContext, usage: string): Promise<TransferUnlock> {
  if (!values['passphrase-stdin']) return {};
  const line = await readSecretLine(context.io, 'passphrase', '--passphrase-stdin', usage);
  return { passphrase: validArgument(givenTransferPassphrase, line, 'the passphrase from --passphrase-stdin', usage) };
}

/** An encrypted file opened without a passphrase: say how to give one on the command line. */
export async function withPassphraseHint<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isDalaError(error) && error.code === 'passphrase_required')
      throw new DalaError('passphrase_required', 'This file is protected with a passphrase: pipe it in with --passphrase-stdin (e.g. read -rs P && printf \'%s\\n\' "$P" | dala …). Nothing was changed.', 'passphrase');
    throw error;
  }
}
