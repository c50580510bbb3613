import type { ChannelName } from '../../electron/common/contract';
import { readSettings } from '../administration/settings-store';
import { markAppRunning } from '../app-running';
import { startBackupSchedule, type BackupSchedule } from '../backups/backup-schedule';
import type { OpenedDatabase } from '../open';
import { createJobRunner, type JobRunner } from '../jobs/job-runner';
import { systemClock, type ManagerContext } from '../manager/context';
import { createPendingImports, type PendingImports } from '../transfer/pending-imports';
import { createTransferFileStore, type TransferFileStore } from '../transfer/transfer-file-store';

/** What a shell (Electron, browser host, CLI) tells the handlers about itself. */
export interface ChannelEnvironment {
  appVersion: string;
  shell: 'electron' | 'browser' | 'cli';
  now?: () => string;
  /** Electron: the path of a .dalaprofile the OS opened, by the id the window was given. */
  resolveProfileFile?: (fileId: string) => string | undefined;
  /** The desktop app's native open and save dialogs (main process); absent in the browser host and the CLI. */
  fileDialogs?: TransferFileDialogs;
  /** The browser host: the same-origin address a window downloads a file this app made from, once. */
  downloadUrl?: (fileId: string, key: string) => string;
  /** Whether this process makes automatic backups while it runs (the app and the browser host do; the CLI does not). */
  automaticBackups?: boolean;
  /** Events worth a log line (never personal data): automatic backups done or failed. */
  onEvent?: (event: string, detail: string) => void;
  /**
   * Called after each successful call (never inside it, never failing it): the school hub's sync
   * loop (sync/sync-loop.ts) hangs its cheap `noteLocalChange` here, which syncs soon only when
   * the call queued changes.
   */
  afterCall?: (channel: ChannelName) => void;
}

export interface TransferFileDialogs {
  /** The path the user chose, or undefined when they cancelled. */
  chooseOpen(purpose: 'profile' | 'backup'): Promise<string | undefined>;
  /** Where to save a file proposed as `fileName`, or undefined when they cancelled. */
  chooseSave(fileName: string): Promise<string | undefined>;
}

/** What every handler works with: the open database, the clock, and the services that outlive a call. */
export interface HandlerContext extends ManagerContext {
  database: OpenedDatabase;
  dataDir: string;
  environment: ChannelEnvironment;
  /** Backup, restore and large checks run here, on worker threads. */
  jobs: JobRunner;
  /** Validated profile files waiting between preview and apply. */
  pendingImports: PendingImports;
  /** Files on their way in or out, by the ids the window knows them by. */
  transferFiles: TransferFileStore;
  /** The automatic backups of a running app; undefined for the CLI (`dala backups run` makes one itself). */
  automaticBackups: BackupSchedule | undefined;
}

/**
 * The context for one open database. `close` makes the last automatic backup (if anything changed)
 * and stops running jobs: call it before closing the database.
 */
export function createHandlerContext(database: OpenedDatabase, environment: ChannelEnvironment): HandlerContext & { close(): Promise<void> } {
  const jobs = createJobRunner();
  const transferFiles = createTransferFileStore(database.dataDir);
  // The app and the browser host keep the database open for long: `dala db rollback` must know.
  const unmarkRunning = environment.shell === 'cli' ? undefined : markAppRunning(database.dataDir);
  const automaticBackups = environment.automaticBackups
    ? startBackupSchedule({
        sqlite: database.sqlite,
        dataDir: database.dataDir,
        jobs,
        settings: () => readSettings({ sqlite: database.sqlite }),
        log: (event, detail) => environment.onEvent?.(event, detail),
      })
    : undefined;
  return {
    sqlite: database.sqlite,
    db: database.db,
    now: environment.now ?? systemClock,
    database,
    dataDir: database.dataDir,
    environment,
    jobs,
    pendingImports: createPendingImports(),
    transferFiles,
    automaticBackups,
    close: async () => {
      await automaticBackups?.close();
      await jobs.close();
      transferFiles.close();
      unmarkRunning?.();
    },
  };
}
