import { useId, useState, type FormEvent } from 'react';
import type { EducatorView } from '../../../../../electron/common/accounts';
import type { ClassView } from '../../../../../electron/common/classes';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { ActionStatus } from './ActionStatus';
import { useAdminAction } from './use-admin-action';

const t = text.educator.admin.educators;

/** The classes a coach looks after, as checkboxes; saving gives and takes away only what changed. */
export function CoachClassesForm({ educator, classes, onChanged }: { educator: EducatorView; classes: readonly ClassView[]; onChanged(): void }) {
  const action = useAdminAction();
  const loadEducatorClasses = useAppStore((s) => s.loadEducatorClasses);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(educator.classIds));
  const headingId = useId();
  const boxId = useId();

  const toggle = (classId: string, on: boolean) =>
    setChosen((old) => {
      const next = new Set(old);
      if (on) next.add(classId);
      else next.delete(classId);
      return next;
    });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (action.busy) return;
    const given = [...chosen].filter((id) => !educator.classIds.includes(id));
    const taken = educator.classIds.filter((id) => !chosen.has(id));
    if (given.length + taken.length === 0) return action.show({ ok: true, message: t.unchanged });
    await action.perform(async (call) => {
      try {
        for (const classId of given) await call('assignCoach', { educatorId: educator.id, classId });
        for (const classId of taken) await call('unassignCoach', { educatorId: educator.id, classId });
      } finally {
        // Even after a failure part of it may be saved: the list and the classes panel show what is.
        onChanged();
        void loadEducatorClasses();
      }
      return t.classesSaved(educator.displayName);
    });
  };

  let body;
  if (educator.role === 'admin') body = <p className="muted">{t.classesAdminNote}</p>;
  else if (classes.length === 0) body = <p className="muted">{t.noClassesYet}</p>;
  else
    body = (
      <form className="admin-form" onSubmit={(e) => void save(e)} noValidate>
        <fieldset className="choice-group">
          <legend>{t.classesLegend(educator.displayName)}</legend>
          {classes.map((c) => (
            <div className="radio-row" key={c.id}>
              <input id={`${boxId}-${c.id}`} type="checkbox" checked={chosen.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
              <label htmlFor={`${boxId}-${c.id}`}>{c.archived ? t.archivedClass(c.name) : c.name}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button" aria-disabled={action.busy || undefined}>
          {t.saveClasses}
        </button>
      </form>
    );

  return (
    <section className="admin-subsection" aria-labelledby={headingId}>
      <h4 id={headingId}>{t.classesTitle}</h4>
      {body}
      <ActionStatus busy={action.busy} busyText={t.saving} outcome={action.outcome} />
    </section>
  );
}
