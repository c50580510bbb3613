import { useCallback, useRef, useState } from 'react';
import type { JsonObject } from '../../../../electron/common/dto';
import type { ActivityAttemptResult } from '../../../../electron/common/profile';
import { useAppStore } from '../../store/store-context';

export interface AttemptPayload {
  score: number;
  completed: boolean;
  attemptDetails: JsonObject;
}

export type AttemptSave =
  | { state: 'idle' }
  | { state: 'saving' }
  /** result is null when the attempt was stored by the banner's retry rather than by this screen. */
  | { state: 'saved'; result: ActivityAttemptResult | null }
  | { state: 'failed' };

/**
 * Records one attempt of one activity run. The attempt's uid is made once, before the first try,
 * so retrying (here or from the store's banner) can never store the attempt twice.
 */
export function useAttemptRecorder(loId: string, activityId: string, activityType: 'quiz' | 'game') {
  const recordActivityAttempt = useAppStore((s) => s.recordActivityAttempt);
  const [attemptUid] = useState(() => crypto.randomUUID());
  const [status, setStatus] = useState<AttemptSave>({ state: 'idle' });
  const payloadRef = useRef<AttemptPayload | null>(null);
  const busyRef = useRef(false);
  const storedInProfile = useAppStore((s) => s.profile?.activityAttempts.some((a) => a.attemptUid === attemptUid) ?? false);

  const save = useCallback(
    async (payload: AttemptPayload): Promise<ActivityAttemptResult | undefined> => {
      if (busyRef.current) return undefined;
      busyRef.current = true;
      payloadRef.current = payload;
      setStatus({ state: 'saving' });
      const result = await recordActivityAttempt({ loId, activityId, activityType, attemptUid, ...payload });
      busyRef.current = false;
      setStatus(result ? { state: 'saved', result } : { state: 'failed' });
      return result;
    },
    [recordActivityAttempt, loId, activityId, activityType, attemptUid],
  );

  const retry = useCallback(async () => (payloadRef.current ? save(payloadRef.current) : undefined), [save]);

  // The profile only holds what the database confirmed: if it has this attempt, it is saved.
  const effective: AttemptSave = status.state === 'failed' && storedInProfile ? { state: 'saved', result: null } : status;
  return { status: effective, save, retry };
}
