import type { z } from 'zod';
import { DEFAULT_PAYLOAD_LIMIT_BYTES } from '../channels';
import type { IpcError } from '../errors';
import { mergeDomainMaps, type AccessLevel, type AuditRecord, type ChannelSpec } from './define';
import { administrationContract } from './administration';
import { automaticBackupContract } from './backups';
import { classContract } from './classes';
import { educatorContract } from './educators';
import { learnerContract } from './learners';
import { maintenanceContract } from './maintenance';
import { profileContract } from './profile';
import { sessionContract } from './session';
import { syncContract } from './sync';
import { transferContract } from './transfer';

/**
 * The one contract between the renderer and the main process (and the browser host and the CLI):
 * every channel's zod input schema, output type and who may call it, declared in one file per
 * domain and merged here (a channel declared twice does not compile). Preload, IPC registration,
 * the HTTP host, the renderer's client and the database's handler map are all derived from it:
 * a new channel is its entry in a domain file here plus its handler in the database's domain file.
 */
export const contract = mergeDomainMaps(
  sessionContract,
  classContract,
  educatorContract,
  learnerContract,
  profileContract,
  maintenanceContract,
  transferContract,
  administrationContract,
  automaticBackupContract,
  syncContract,
);

export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;
export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

// Every entry has a schema and an access level (the builders in define.ts make them; checked here
// rather than per entry so the entries keep their own types).
const everyEntryIsASpec: { [C in ChannelName]: { input: z.ZodType; access: unknown } } = contract;
void everyEntryIsASpec;

export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedChannelInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = NonNullable<Contract[C]['output']>[0];

/** What every transport answers: never a thrown error, never a stack trace. */
export type ChannelResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** `window.dala`: one function per channel. */
export type DalaApi = { [C in ChannelName]: (input: ChannelInput<C>) => Promise<ChannelResult<ChannelOutput<C>>> };

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The largest request a channel accepts, in bytes of JSON as received. */
export function payloadLimitOf(name: ChannelName): number {
  return (contract[name] as ChannelSpec<z.ZodType, unknown>).maxRequestBytes ?? DEFAULT_PAYLOAD_LIMIT_BYTES;
}

/** Whether a channel's handler waits for the user or the network and so runs beside the call queue (ChannelOptions). */
export function runsBesideCallQueue(name: ChannelName): boolean {
  const spec = contract[name] as ChannelSpec<z.ZodType, unknown>;
  return spec.waitsForUser === true || spec.waitsForNetwork === true;
}

/** The access level of a call, from its channel and its parsed input. */
export function accessLevelOf<C extends ChannelName>(name: C, input: ParsedChannelInput<C>): AccessLevel {
  const access = (contract[name] as ChannelSpec<z.ZodType, unknown>).access;
  return typeof access === 'function' ? access(input) : access;
}

/** The audit lines a successful call writes, from its channel's declaration. */
export function auditRecordsOf<C extends ChannelName>(name: C, input: ParsedChannelInput<C>, output: ChannelOutput<C>): AuditRecord[] {
  const audit = (contract[name] as ChannelSpec<z.ZodType, unknown>).audit;
  const records = audit?.(input, output);
  return records === undefined ? [] : Array.isArray(records) ? records : [records];
}

export type { AccessLevel, AuditRecord } from './define';
export { eventSchemas, MENU_COMMANDS, type DalaEvents, type EventPayload, type MenuCommand } from './events';
