import { z } from 'zod';
import { CHANNEL_NAMES, type ChannelName, type EventName } from './channels';
import * as dto from './dto';
import type { IpcError } from './errors';
import type {
  ActivityAttempt,
  ActivityAttemptResult,
  BadgeRecord,
  BadgesAwarded,
  CognitiveMetric,
  FullLearnerProfile,
  Interest,
  LearnerProfile,
  LearnerSummary,
  LoProgress,
  LoProgressChange,
  Preference,
  Struggle,
} from './profile';
import type { DatabaseStatisticsView, VerifyReportView, AppInfo } from './maintenance-views';
import type { BackupCheckView, ExportedProfileView, ImportPreviewView, ImportReportView, JobStatusView, LastImportView, SnapshotView } from './transfer-views';

/**
 * The one contract between the renderer and the main process (and the browser host): each
 * channel's zod input schema and its output type. Preload, IPC registration, the HTTP host and
 * the renderer's client are all derived from it.
 */
interface ChannelSpec<S extends z.ZodType, O> {
  input: S;
  /** Phantom: carries the output type only (boxed, so that `null` outputs survive NonNullable). */
  output?: [O];
}
const channel =
  <O>() =>
  <S extends z.ZodType>(input: S): ChannelSpec<S, O> => ({ input });

const empty = z.strictObject({});

export const contract = {
  createLearnerProfile: channel<LearnerProfile>()(dto.createLearnerProfileInput),
  getOrCreateLearnerProfile: channel<{ profile: LearnerProfile; created: boolean }>()(dto.getOrCreateLearnerProfileInput),
  getLearnerProfile: channel<LearnerProfile>()(dto.learnerRefInput),
  getFullLearnerProfileData: channel<FullLearnerProfile>()(dto.learnerRefInput),
  listLearners: channel<LearnerSummary[]>()(empty),
  deleteLearnerProfile: channel<{ learnerId: string; deleted: true }>()(dto.learnerRefInput),
  addOrUpdatePreference: channel<{ preference: Preference } & BadgesAwarded>()(dto.addOrUpdatePreferenceInput),
  removePreference: channel<{ removed: true }>()(dto.removePreferenceInput),
  getPreferences: channel<Preference[]>()(dto.learnerRefInput),
  addInterest: channel<Interest & BadgesAwarded>()(dto.interestInput),
  removeInterest: channel<{ removed: true }>()(dto.interestInput),
  getInterests: channel<Interest[]>()(dto.learnerRefInput),
  addStruggle: channel<Struggle>()(dto.struggleInput),
  removeStruggle: channel<{ removed: true }>()(dto.struggleInput),
  getStruggles: channel<Struggle[]>()(dto.learnerRefInput),
  addOrUpdateCognitiveMetric: channel<{ metric: CognitiveMetric } & BadgesAwarded>()(dto.addOrUpdateCognitiveMetricInput),
  getCognitiveMetrics: channel<CognitiveMetric[]>()(dto.learnerRefInput),
  addOrUpdateLoProgress: channel<{ progress: LoProgress; change: LoProgressChange } & BadgesAwarded>()(dto.addOrUpdateLoProgressInput),
  getLoProgress: channel<LoProgress[]>()(dto.learnerRefInput),
  addBadgeRecord: channel<BadgeRecord>()(dto.addBadgeRecordInput),
  getBadges: channel<BadgeRecord[]>()(dto.learnerRefInput),
  addActivityAttempt: channel<ActivityAttemptResult>()(dto.addActivityAttemptInput),
  getActivityAttempts: channel<ActivityAttempt[]>()(dto.listActivityAttemptsInput),
  getStatistics: channel<DatabaseStatisticsView>()(empty),
  verifyDatabase: channel<VerifyReportView>()(z.strictObject({ fixOrphans: z.boolean().optional() })),
  getAppInfo: channel<AppInfo>()(empty),
  exportLearnerProfile: channel<ExportedProfileView>()(dto.learnerRefInput),
  previewProfileImport: channel<ImportPreviewView>()(
    z.union([
      z.strictObject({ content: z.string().min(1, 'the file is empty'), fileName: z.string().min(1).max(255) }),
      /** A file the OS opened (double-click, command line): main keeps the path, the renderer has the id. */
      z.strictObject({ fileId: z.string().min(1).max(100) }),
    ]),
  ),
  applyProfileImport: channel<ImportReportView>()(z.strictObject({ importId: z.string().min(1).max(100), policy: z.enum(['merge', 'skip', 'replace', 'error']) })),
  getLastImport: channel<LastImportView | null>()(empty),
  undoLastImport: channel<LastImportView & { safetySnapshotId: string }>()(empty),
  listSnapshots: channel<SnapshotView[]>()(empty),
  createSnapshot: channel<SnapshotView>()(empty),
  restoreSnapshot: channel<{ restoredId: string; safetySnapshotId: string }>()(z.strictObject({ snapshotId: z.string().min(1).max(100) })),
  checkBackupFile: channel<BackupCheckView>()(z.strictObject({ content: z.string().min(1, 'the file is empty') })),
  startBackup: channel<{ jobId: string }>()(
    z.strictObject({ learnerIds: z.array(dto.learnerId).max(100_000).optional(), since: dto.isoTimestamp.optional(), until: dto.isoTimestamp.optional() }),
  ),
  startRestore: channel<{ jobId: string }>()(
    z.strictObject({ content: z.string().min(1, 'the file is empty'), fileName: z.string().min(1).max(255), replace: z.boolean(), dryRun: z.boolean() }),
  ),
  getJobStatus: channel<JobStatusView>()(z.strictObject({ jobId: z.string().min(1).max(100) })),
} satisfies { [C in ChannelName]: ChannelSpec<z.ZodType, unknown> };

// Both directions: a name in CHANNEL_NAMES without a contract entry fails above, and a contract
// entry missing from CHANNEL_NAMES fails here.
type ExtraContractKeys = Exclude<keyof typeof contract, ChannelName>;
const noExtraContractKeys: [ExtraContractKeys] extends [never] ? true : never = true;
void noExtraContractKeys;

export type Contract = typeof contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedChannelInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = NonNullable<Contract[C]['output']>[0];

/** What every transport answers: never a thrown error, never a stack trace. */
export type ChannelResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** `window.dala`: one function per channel. */
export type DalaApi = { [C in ChannelName]: (input: ChannelInput<C>) => Promise<ChannelResult<ChannelOutput<C>>> };

/** What the database layer must provide: a missing channel is a type error. */
export type ChannelHandlers = { [C in ChannelName]: (input: ParsedChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>> };

export const MENU_COMMANDS = ['newLearner', 'importProfile', 'exportProfile', 'backup', 'restore', 'educatorTools'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const eventSchemas = {
  menuCommand: z.enum(MENU_COMMANDS),
  /** A .dalaprofile opened by the OS (double-click, command line): the path stays in main; the renderer gets an id. */
  profileFileOpened: z.strictObject({ fileId: z.string(), fileName: z.string() }),
} satisfies { [E in EventName]: z.ZodType };
export type EventPayload<E extends EventName> = z.output<(typeof eventSchemas)[E]>;

/** `window.dalaEvents`: subscribe to main-process events; returns an unsubscribe function. */
export type DalaEvents = { [E in EventName as `on${Capitalize<E>}`]: (listener: (payload: EventPayload<E>) => void) => () => void };

export function isChannelName(name: string): name is ChannelName {
  return (CHANNEL_NAMES as readonly string[]).includes(name);
}
