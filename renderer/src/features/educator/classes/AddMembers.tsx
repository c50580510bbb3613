import { useId, useState } from 'react';
import type { ClassDetailView, LearnerNameView } from '../../../../../electron/common/classes';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { ActionStatus } from './ActionStatus';
import { useClassAction } from './use-class-action';

const t = text.educator.classes;

/**
 * The learners this educator may add: for an admin everyone not in the class yet; for a coach
 * their own learners and learners in no class (the main process refuses the others anyway).
 */
function candidatesFor(klass: ClassDetailView, learners: LearnerNameView[], coachClassIds: string[] | null): LearnerNameView[] {
  const members = new Set(klass.learnerIds);
  return learners.filter((l) => !members.has(l.id) && (coachClassIds === null || l.classIds.length === 0 || l.classIds.some((c) => coachClassIds.includes(c))));
}

/** Tick learners (found by name) and add them to the class in one go. */
export function AddMembers({ klass, isAdmin }: { klass: ClassDetailView; isAdmin: boolean }) {
  const learners = useAppStore((s) => s.learners);
  const pickerClasses = useAppStore((s) => s.classes);
  const ownClasses = useAppStore((s) => s.educatorClasses);
  const putEducatorClass = useAppStore((s) => s.putEducatorClass);
  const loadLearners = useAppStore((s) => s.loadLearners);
  const action = useClassAction();
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const id = useId();

  const candidates = candidatesFor(klass, learners ?? [], isAdmin ? null : (ownClasses ?? []).map((c) => c.id));
  const wanted = filter.trim().toLocaleLowerCase();
  const shown = wanted ? candidates.filter((l) => l.displayName.toLocaleLowerCase().includes(wanted)) : candidates;
  // Ticked learners that a refresh took away are not sent.
  const picked = candidates.filter((l) => chosen.has(l.id)).map((l) => l.id);
  const classNames = new Map([...(pickerClasses ?? []), ...(ownClasses ?? [])].map((c) => [c.id, c.name]));
  const whereIs = (l: LearnerNameView) => (l.classIds.length === 0 ? t.inNoClass : t.inClasses(l.classIds.map((c) => classNames.get(c) ?? c).join(', ')));

  const toggle = (learnerId: string, on: boolean) =>
    setChosen((old) => {
      const next = new Set(old);
      if (on) next.add(learnerId);
      else next.delete(learnerId);
      return next;
    });

  const add = async () => {
    if (action.busy) return;
    if (picked.length === 0) {
      action.refuse(t.addNoneChosen);
      return;
    }
    const count = picked.length;
    const done = await action.perform('addClassMembers', { classId: klass.id, learnerIds: picked }, async (view) => {
      putEducatorClass(view);
      await loadLearners();
      return t.added(count);
    });
    if (done) setChosen(new Set());
  };

  return (
    <section className="class-section" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t.addTitle}</h4>
      <p>{isAdmin ? t.addIntroAdmin : t.addIntroCoach}</p>
      {candidates.length === 0 ? (
        <p className="muted">{t.addNone}</p>
      ) : (
        <>
          <label htmlFor={`${id}-filter`}>{t.addFilter}</label>
          <input id={`${id}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
          <fieldset className="choice-group">
            <legend>{t.addListLabel}</legend>
            {shown.length === 0 ? (
              <p className="muted">{t.addNoMatch}</p>
            ) : (
              <ul className="learner-checklist add-member-list">
                {shown.map((l) => (
                  <li key={l.id} className="radio-row">
                    <input type="checkbox" id={`${id}-${l.id}`} checked={chosen.has(l.id)} onChange={(e) => toggle(l.id, e.target.checked)} aria-describedby={`${id}-${l.id}-where`} />
                    <label htmlFor={`${id}-${l.id}`} className="break-anywhere">
                      {l.displayName}
                    </label>
                    <span id={`${id}-${l.id}-where`} className="muted">
                      {whereIs(l)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
          <button type="button" className="button button-primary" onClick={() => void add()} aria-disabled={action.busy || undefined}>
            {t.addButton(picked.length)}
          </button>
        </>
      )}
      <ActionStatus action={action} />
    </section>
  );
}
