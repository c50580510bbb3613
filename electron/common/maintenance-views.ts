/** Shapes of the educator tools' answers (statistics, verify, app info) as the renderer sees them. */

export interface DatabaseStatisticsView {
  tables: Record<string, { rows: number; removed: number }>;
  learners: number;
  attemptsPerLearner: { min: number; max: number; mean: number; median: number };
  loStatus: { not_started: number; in_progress: number; completed: number };
  badges: Array<{ badgeId: string; badgeName: string; learners: number }>;
}

export interface VerifyFindingView {
  check: string;
  table?: string;
  rowId?: number;
  learnerId?: string;
  message: string;
}

export interface VerifyReportView {
  healthy: boolean;
  problems: VerifyFindingView[];
  warnings: VerifyFindingView[];
  /** Every check that ran and what it found (the verbose report). */
  checks: Array<{ check: string; label: string; problems: number; warnings: number }>;
  orphansRemoved: number;
  progressRebuilt: number;
  /** The snapshot taken before a repair (none when nothing was repaired). */
  snapshotId: string | null;
}

export interface AppInfo {
  appVersion: string;
  schemaVersion: number;
  /** Where the app runs: the Electron shell, the browser host, or the command line. */
  shell: 'electron' | 'browser' | 'cli';
}
