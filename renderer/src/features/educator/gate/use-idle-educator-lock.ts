import { useEffect } from 'react';
import { DEFAULT_SETTINGS } from '../../../../../electron/common/settings';
import { useAppStore } from '../../../store/store-context';

const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Unlocked Educator tools lock after `idle.educatorMinutes` without input, so a pupil who sits
 * down at a teacher's abandoned machine finds them locked. The main process keeps its own clock
 * (it locks on calls too); this one makes the screen follow without waiting for a call.
 */
export function useIdleEducatorLock(): void {
  const unlocked = useAppStore((s) => s.session?.educator != null);
  const minutes = useAppStore((s) => s.session?.idle.educatorMinutes ?? DEFAULT_SETTINGS.educatorIdleMinutes);
  const lockEducator = useAppStore((s) => s.lockEducator);

  useEffect(() => {
    if (!unlocked) return;
    const limit = minutes * 60_000;
    let lastInput = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const idleFor = Date.now() - lastInput;
      if (idleFor >= limit) void lockEducator('idle');
      else timer = setTimeout(check, limit - idleFor);
    };
    const onInput = () => {
      lastInput = Date.now();
    };
    timer = setTimeout(check, limit);
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
    };
  }, [unlocked, minutes, lockEducator]);
}
