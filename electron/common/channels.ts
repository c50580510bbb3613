/**
 * The names of every IPC channel, in a module with no imports so that the sandboxed preload can
 * bundle it without zod. contract.ts checks at compile time that its keys are exactly these.
 */
export const CHANNEL_NAMES = [
  'createLearnerProfile',
  'getOrCreateLearnerProfile',
  'getLearnerProfile',
  'getFullLearnerProfileData',
  'listLearners',
  'deleteLearnerProfile',
  'addOrUpdatePreference',
  'removePreference',
  'getPreferences',
  'addInterest',
  'removeInterest',
  'getInterests',
  'addStruggle',
  'removeStruggle',
  'getStruggles',
  'addOrUpdateCognitiveMetric',
  'getCognitiveMetrics',
  'addOrUpdateLoProgress',
  'getLoProgress',
  'addBadgeRecord',
  'getBadges',
  'addActivityAttempt',
  'getActivityAttempts',
  'getStatistics',
  'verifyDatabase',
  'getAppInfo',
  'exportLearnerProfile',
  'previewProfileImport',
  'applyProfileImport',
  'getLastImport',
  'undoLastImport',
  'listSnapshots',
  'createSnapshot',
  'restoreSnapshot',
  'checkBackupFile',
  'startBackup',
  'startRestore',
  'getJobStatus',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Most payloads are small; these carry whole files (a profile, a backup) and may be larger. */
export const DEFAULT_PAYLOAD_LIMIT_BYTES = 1_048_576;
export const CHANNEL_PAYLOAD_LIMIT_BYTES: Partial<Record<ChannelName, number>> = {
  previewProfileImport: 40 * 1_048_576,
  checkBackupFile: 512 * 1_048_576,
  startRestore: 512 * 1_048_576,
};
export const payloadLimitOf = (name: ChannelName): number => CHANNEL_PAYLOAD_LIMIT_BYTES[name] ?? DEFAULT_PAYLOAD_LIMIT_BYTES;

/** Prefix of every ipcMain channel; the main process refuses anything else. */
export const IPC_PREFIX = 'dala:';
export const ipcChannel = (name: ChannelName): string => `${IPC_PREFIX}${name}`;

/** Events the main process sends to the window (menu items, files opened by the OS). */
export const EVENT_NAMES = ['menuCommand', 'profileFileOpened'] as const;
export type EventName = (typeof EVENT_NAMES)[number];
export const ipcEvent = (name: EventName): string => `${IPC_PREFIX}event:${name}`;
