import type { ChannelInput, ChannelName, ChannelOutput } from '../../electron/common/contract';
import type { OpenedDatabase } from '../open';
import type { CliIo } from './output';

export interface CommandContext {
  io: CliIo;
  dataDir: string;
  /** Opens (creating and migrating when needed) the database; closed by the dispatcher. */
  open(options?: { migrate?: boolean }): Promise<OpenedDatabase>;
  /**
   * Calls a channel through the one dispatch path (the same parse and checks as the app), with the
   * CLI's rights; returns its value or throws its typed error.
   */
  call<C extends ChannelName>(name: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

export interface CliCommand {
  /** Words that select the command, e.g. ['learners', 'create']. */
  path: readonly string[];
  usage: string;
  summary: string;
  /** Returns the exit code: 0 done, 1 failed or found problems. Bad arguments throw UsageError. */
  run(args: readonly string[], context: CommandContext): Promise<number>;
}
