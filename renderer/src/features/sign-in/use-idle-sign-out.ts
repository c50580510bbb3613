import { useEffect } from 'react';
import { DEFAULT_SETTINGS } from '../../../../electron/common/settings';
import { useAppStore } from '../../store/store-context';

/** What counts as use of the window. */
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel'] as const;
/**
 * While the learner is using the window, the main process hears from it at least this often, so
 * its own idle clock (which only sees calls) does not end a session that is in use.
 */
const KEEP_ALIVE_MS = 30_000;

/**
 * A signed-in learner who leaves the machine is signed out after `idle.learnerMinutes` without
 * input (pointer, keys, touch), and the picker says why: the next child cannot carry on as them.
 */
export function useIdleSignOut(): void {
  // A learner is open on screen (their session is what the main process also ends).
  const signedIn = useAppStore((s) => s.profile !== null);
  const minutes = useAppStore((s) => s.session?.idle.learnerMinutes ?? DEFAULT_SETTINGS.learnerIdleMinutes);
  const endLearnerSession = useAppStore((s) => s.endLearnerSession);
  const keepSessionAlive = useAppStore((s) => s.keepSessionAlive);

  useEffect(() => {
    if (!signedIn) return;
    const limit = minutes * 60_000;
    let lastInput = Date.now();
    let lastKeepAlive = lastInput;
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const idleFor = Date.now() - lastInput;
      if (idleFor >= limit) endLearnerSession({ reason: 'idle', unsaved: false });
      else timer = setTimeout(check, limit - idleFor);
    };
    const onInput = () => {
      lastInput = Date.now();
      if (lastInput - lastKeepAlive >= KEEP_ALIVE_MS) {
        lastKeepAlive = lastInput;
        void keepSessionAlive();
      }
    };
    timer = setTimeout(check, limit);
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
    };
  }, [signedIn, minutes, endLearnerSession, keepSessionAlive]);
}
