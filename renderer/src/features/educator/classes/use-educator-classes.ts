import { useEffect } from 'react';
import type { ClassDetailView } from '../../../../../electron/common/classes';
import type { ErrorCode } from '../../../../../electron/common/errors';
import { useAppStore } from '../../../store/store-context';

/** A read already under way, per store: both class panels open at once and need only one. */
const running = new WeakMap<() => Promise<void>, Promise<void>>();
function loadOnce(load: () => Promise<void>): Promise<void> {
  const current = running.get(load);
  if (current) return current;
  const next = load().finally(() => running.delete(load));
  running.set(load, next);
  return next;
}

export interface EducatorClasses {
  /** Null while the first read runs. */
  classes: ClassDetailView[] | null;
  error: ErrorCode | null;
  reload(): void;
}

/**
 * The classes the unlocked educator works with (every class for an admin, their own for a coach),
 * read when a panel opens and again after an import or restore changed the records underneath.
 */
export function useEducatorClasses(): EducatorClasses {
  const educatorId = useAppStore((s) => s.session?.educator?.id);
  const dataVersion = useAppStore((s) => s.dataVersion);
  const classes = useAppStore((s) => s.educatorClasses);
  const failure = useAppStore((s) => s.educatorClassesError);
  const load = useAppStore((s) => s.loadEducatorClasses);
  useEffect(() => {
    if (educatorId) void loadOnce(load);
  }, [educatorId, dataVersion, load]);
  return { classes, error: failure?.code ?? null, reload: () => void load() };
}
