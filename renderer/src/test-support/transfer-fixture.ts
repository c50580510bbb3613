import { cleanup, screen } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import type { ChannelResult, DalaApi } from '../../../electron/common/contract';
import { createInProcessApi, type InProcessApi } from '../../../tests/support/in-process-api';
import { unlockAdmin } from './classes-fixture';

/**
 * Shared by the transfer component tests: real in-process backends (each its own data dir, admin
 * unlocked, all closed after the test, running jobs stopped first) and the browser's downloads captured.
 */

export const must = <T>(result: ChannelResult<T>): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

export function useBackends(): (options?: Parameters<typeof createInProcessApi>[0]) => Promise<InProcessApi> {
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
