import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { DalaError, type IpcError } from '../../electron/common/errors';
import type { Settings } from '../../electron/common/settings';
import type { AutomaticBackupCopyView, AutomaticBackupStatusView } from '../../electron/common/transfer-views';
import type { JobRunner } from '../jobs/job-runner';
import { automaticBackupFolder, listAutomaticBackups } from './automatic-backups';

/** How often the schedule looks whether a copy is due (the interval itself is a setting). */
const TICK_MS = 60_000;
const STATUS_FILE = 'automatic-backups.json';

interface StoredStatus {
  lastCopy: AutomaticBackupCopyView | null;
  lastFailure: { at: string; message: string } | null;
}

export interface BackupScheduleOptions {
  sqlite: Database.Database;
  dataDir: string;
  jobs: JobRunner;
  settings: () => Settings;
  /** One line per event, never personal data (the main log or the host's stderr). */
  log: (event: 'automatic-backup-done' | 'automatic-backup-failed', detail: string) => void;
  now?: () => Date;
}

export interface BackupSchedule {
  status(): AutomaticBackupStatusView;
  /** Makes a copy now, whatever the interval (an admin's "Back up now", `dala backups run`). */
  runNow(): Promise<AutomaticBackupCopyView>;
  /** Looks whether a copy is due and makes it (the timer calls this; tests call it directly). */
  tick(): Promise<void>;
  /** Stops the timer and makes a last copy if anything changed since the previous one (at quit). */
  close(): Promise<void>;
}

function readStatus(dataDir: string): StoredStatus {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, STATUS_FILE), 'utf8')) as StoredStatus;
  } catch {
    return { lastCopy: null, lastFailure: null };
  }
}

function writeStatus(dataDir: string, status: StoredStatus): void {
  const file = path.join(dataDir, STATUS_FILE);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(status, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

/**
 * Automatic backups while the app (or browser host) runs: a copy is due once the database changed
 * since the last copy and the interval has passed, and at quit. The copy is made on a job worker,
 * so a pupil's save never waits for it; a failure is logged and shown to educators, never thrown
 * at a pupil.
 */
export function startBackupSchedule(options: BackupScheduleOptions): BackupSchedule {
  const now = options.now ?? (() => new Date());
  const stored = readStatus(options.dataDir);
  // Changes of this connection and of others (the job workers): equal means nothing was written.
  const fingerprint = () => {
    const changes = (options.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    return `${changes}:${options.sqlite.pragma('data_version', { simple: true }) as number}`;
  };
  // What the database is now counts as copied: a copy is made once something changes (a run that
  // only reads makes none), and the interval counts from the last copy or from the start.
  let lastFingerprint = fingerprint();
  let lastAt = stored.lastCopy ? Math.min(now().getTime(), Date.parse(stored.lastCopy.createdAt)) : now().getTime();
  let running: Promise<AutomaticBackupCopyView> | undefined;
  let closed = false;

  const folder = () => automaticBackupFolder(options.dataDir, options.settings().backupFolder);

  const run = (): Promise<AutomaticBackupCopyView> => {
    running ??= (async () => {
      const before = fingerprint();
      const jobId = options.jobs.start({ kind: 'automaticBackup', dataDir: options.dataDir, folder: folder() });
      const view = await options.jobs.finished(jobId);
      if (view.state !== 'done' || view.result?.kind !== 'automaticBackup') {
        const error: IpcError = view.error ?? { code: 'storage', message: 'The automatic backup did not finish.' };
        stored.lastFailure = { at: now().toISOString(), message: error.message };
        writeStatus(options.dataDir, stored);
        options.log('automatic-backup-failed', error.code);
        throw new DalaError(error.code, error.message);
      }
      stored.lastCopy = view.result.copy;
      stored.lastFailure = null;
      writeStatus(options.dataDir, stored);
      lastFingerprint = before;
      lastAt = now().getTime();
      options.log('automatic-backup-done', `pruned ${view.result.pruned}`);
      return view.result.copy;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const due = (): boolean => {
    const s = options.settings();
    return s.automaticBackups && fingerprint() !== lastFingerprint && now().getTime() - lastAt >= s.backupIntervalMinutes * 60_000;
  };

  const tick = async (): Promise<void> => {
    if (closed || running || !due()) return;
    await run().catch(() => undefined);
  };
  const timer = setInterval(() => void tick(), TICK_MS);
  timer.unref();

  return {
    status: () => {
      const s = options.settings();
      return { enabled: s.automaticBackups, intervalMinutes: s.backupIntervalMinutes, folder: folder(), lastCopy: stored.lastCopy, lastFailure: stored.lastFailure };
    },
    runNow: () => run(),
    tick,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      if (running) await running.catch(() => undefined);
      if (options.settings().automaticBackups && fingerprint() !== lastFingerprint) await run().catch(() => undefined);
    },
  };
}

/** The copies in the folder the settings name, newest first. */
export function automaticBackupCopies(dataDir: string, settings: Settings): AutomaticBackupCopyView[] {
  return listAutomaticBackups(automaticBackupFolder(dataDir, settings.backupFolder)).map(({ path: _path, ...c }) => c);
}
