import { DalaError } from '../../electron/common/errors';
import { runningAppPid } from '../app-running';
import { putBackDatabaseFile } from '../database-file-swap';
import { createSnapshot, listSnapshots } from '../snapshots';
import { restoreSnapshot } from '../transfer/snapshot-restore';
import { expectPositionals, parseCommandArguments } from './arguments';
import type { CliCommand } from './command';
import { formatTable, printJson, printLines } from './output';

const LIST_USAGE = 'dala snapshot list [--json]';
const CREATE_USAGE = 'dala snapshot create';
const RESTORE_USAGE = 'dala snapshot restore ID';

export const snapshotCommands: CliCommand[] = [
  {
    path: ['snapshot', 'list'],
    usage: LIST_USAGE,
    summary: 'list the database snapshots (newest first)',
    async run(args, context) {
      const { values, positionals } = parseCommandArguments(args, { json: { type: 'boolean' } }, LIST_USAGE);
      expectPositionals(positionals, 0, LIST_USAGE, '');
      const snapshots = listSnapshots(context.dataDir).map(({ path: _path, ...s }) => s);
      if (values.json) printJson(context.io, snapshots);
      else if (snapshots.length === 0) printLines(context.io, ['No snapshots yet. Make one with: dala snapshot create']);
      else printLines(context.io, formatTable([['ID', 'REASON', 'CREATED', 'SIZE'], ...snapshots.map((s) => [s.id, s.reason, s.createdAt, `${(s.sizeBytes / 1024).toFixed(0)} KiB`])]));
      return 0;
    },
  },
  {
    path: ['snapshot', 'create'],
    usage: CREATE_USAGE,
    summary: 'take a snapshot of the database now',
    async run(args, context) {
      const { positionals } = parseCommandArguments(args, {}, CREATE_USAGE);
      expectPositionals(positionals, 0, CREATE_USAGE, '');
      const snapshot = await createSnapshot((await context.open()).sqlite, context.dataDir, 'manual');
      printLines(context.io, [`Created snapshot ${snapshot.id}.`]);
      return 0;
    },
  },
  {
    path: ['snapshot', 'restore'],
    usage: RESTORE_USAGE,
    summary: 'put the database back to a snapshot (the current state is kept as a snapshot first)',
    async run(args, context) {
      const { positionals } = parseCommandArguments(args, {}, RESTORE_USAGE);
      const [id] = expectPositionals(positionals, 1, RESTORE_USAGE, 'the snapshot ID') as [string];
      if (runningAppPid(context.dataDir) === undefined) {
        // Nobody has the database open: put the file back without opening the current one, so
        // this works even on a database a newer version left (DESIGN.md, rollback).
        const snapshot = listSnapshots(context.dataDir).find((s) => s.id === id);
        if (!snapshot) throw new DalaError('not_found', `There is no snapshot "${id}". "dala snapshot list" shows them.`);
        const { safety } = await putBackDatabaseFile(context.dataDir, snapshot.path, 'pre-snapshot-restore');
        printLines(context.io, [`Restored snapshot ${snapshot.id}.${safety ? ` The state before was kept as snapshot ${safety.id}.` : ''}`]);
        return 0;
      }
      // The app is open on it: restore through the live connection, which the app shares.
      const database = await context.open();
      const { restored, safetySnapshot } = await restoreSnapshot(database.sqlite, database.dataDir, id);
      printLines(context.io, [`Restored snapshot ${restored.id}. The state before was kept as snapshot ${safetySnapshot.id}.`]);
      return 0;
    },
  },
];
