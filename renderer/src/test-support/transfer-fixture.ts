import { cleanup, screen } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import type { ChannelInput, ChannelResult, DalaApi } from '../../../electron/common/contract';
import { createInProcessApi, type InProcessApi, type InProcessOptions } from '../../../tests/support/in-process-api';
import { unlockAdmin } from './classes-fixture';

/**
 * Shared by the transfer component tests: real in-process backends (each its own data dir, admin
 * unlocked, all closed after the test, running jobs stopped first), the files their windows saved,
 * and the browser's blob downloads captured (class reports).
 */

export const must = <T>(result: ChannelResult<T>): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

export function useBackends(): (options?: InProcessOptions) => Promise<InProcessApi> {
  const open: InProcessApi[] = [];
  afterEach(async () => {
    cleanup();
    vi.restoreAllMocks();
    for (const backend of open.splice(0)) await backend.close();
  });
  return async (options) => {
    const backend = await createInProcessApi(options);
    open.push(backend);
    // Moving learners is educator work: each window starts with the admin unlocked.
    await unlockAdmin(backend);
    return backend;
  };
}

export interface CapturedDownload {
  fileName: string;
  blob: Blob;
}

/** The file the window of `backend` saved last, as a File to choose in another window (another computer). */
export function lastSavedFile(backend: InProcessApi): File {
  const saved = backend.savedFiles.at(-1);
  if (!saved) throw new Error('the window saved no file');
  return new File([new Uint8Array(saved.bytes)], saved.fileName);
}

/** age's header line: a file protected with a passphrase starts with it. */
export const AGE_HEADER = 'age-encryption.org/v1';

type Protection = Omit<ChannelInput<'exportLearnerProfile'>, 'learnerId'>;

/** A learner's profile file made by the handlers of `from` and downloaded as its window would, for setting up a test. */
export async function profileFileOf(from: InProcessApi, learnerId: string, protection: Protection = {}): Promise<File> {
  const made = must(await from.api.exportLearnerProfile({ learnerId, ...protection }));
  const saved = must(await from.api.saveTransferFile({ fileId: made.fileId }));
  if (saved.kind !== 'download') throw new Error(`expected a download, the save was ${saved.kind}`);
  await from.files.download(saved.url, saved.fileName);
  return lastSavedFile(from);
}

/** Hands `file` to the handlers of `into` as its window would (the upload); returns the id they know it by. */
export async function handOver(into: InProcessApi, file: File): Promise<string> {
  return must(await into.files.receive(file)).fileId;
}

/** The school transfer passphrase, set through the admin's channel. */
export async function setSchoolPassphrase(backend: InProcessApi, passphrase: string | null): Promise<void> {
  must(await backend.api.setSchoolTransferPassphrase({ passphrase }));
}

/** jsdom has no object URLs and no downloads: stand in for the browser's and keep what was saved. */
export function captureDownloads(): CapturedDownload[] {
  const blobs = new Map<string, Blob>();
  const saved: CapturedDownload[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test-${blobs.size + 1}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob && this.download) saved.push({ fileName: this.download, blob });
  });
  return saved;
}

/** A learner with an interest and two attempts, written through the real handlers. */
export async function addLearnerWithWork(api: DalaApi, displayName: string, interestName = 'Space'): Promise<string> {
  const { id: learnerId } = must(await api.createLearnerProfile({ displayName }));
  must(await api.addInterest({ learnerId, interestName }));
  for (const score of [0.9, 0.4]) {
    must(await api.addActivityAttempt({ learnerId, loId: 'MATH_LO_001', activityId: 'math_001_quiz_a', activityType: 'quiz', score, completed: true }));
  }
  return learnerId;
}

/** The tab panel of an educator panel, once its tab has been chosen. */
export function panelNamed(name: string): HTMLElement {
  return screen.getByRole('tabpanel', { name });
}

/** Jobs start a worker thread (through tsx in tests): give them time. */
export const JOB_WAIT = { timeout: 20_000 };
/** Opening a file: the first loads the file envelope's readers, and each passphrase tried costs a second of scrypt (guessing is slow on purpose). */
export const FILE_WAIT = { timeout: 15_000 };
