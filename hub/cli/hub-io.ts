import type { CommandOutput } from '../../command-line/output';

export { formatTable, printJson, printLines } from '../../command-line/output';

/** Where a hub command writes; injected so that tests can capture it. */
export type HubCliIo = CommandOutput;
