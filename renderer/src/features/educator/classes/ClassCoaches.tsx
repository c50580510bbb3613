import { useEffect, useId, useState } from 'react';
import type { EducatorView } from '../../../../../electron/common/accounts';
import type { ClassDetailView } from '../../../../../electron/common/classes';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { CallStatus } from '../CallStatus';
import { useChannelCall } from '../use-channel-call';
import { ActionStatus } from './ActionStatus';
import { useClassAction } from './use-class-action';

const t = text.educator.classes;

const nameOf = (e: EducatorView) => (e.disabled ? `${e.displayName} (${t.switchedOff})` : e.displayName);

/** An admin's view of who looks after a class: take a coach off, or add one. */
export function ClassCoaches({ klass }: { klass: ClassDetailView }) {
  const putEducatorClass = useAppStore((s) => s.putEducatorClass);
  const educators = useChannelCall('listEducators');
  const action = useClassAction();
  const [chosen, setChosen] = useState('');
  const id = useId();
  const { run } = educators;
  useEffect(() => {
    void run({});
  }, [run]);

  const everyone = educators.value ?? [];
  const coaches = klass.coachIds.map((coachId) => everyone.find((e) => e.id === coachId) ?? null);
  // Admins look after every class already: only coaches are offered.
  const free = everyone.filter((e) => e.role === 'coach' && !klass.coachIds.includes(e.id));
  const pick = free.some((e) => e.id === chosen) ? chosen : (free[0]?.id ?? '');

  const assign = async () => {
    const coach = free.find((e) => e.id === pick);
    if (!coach || action.busy) return;
    await action.perform('assignCoach', { educatorId: coach.id, classId: klass.id }, () => {
      putEducatorClass({ ...klass, coachIds: [...klass.coachIds, coach.id] });
      return t.assigned(coach.displayName);
    });
  };
  const unassign = async (coach: EducatorView) => {
    if (action.busy) return;
    await action.perform('unassignCoach', { educatorId: coach.id, classId: klass.id }, () => {
      putEducatorClass({ ...klass, coachIds: klass.coachIds.filter((c) => c !== coach.id) });
      return t.unassigned(coach.displayName);
    });
  };

  return (
    <section className="class-section" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t.coachesTitle}</h4>
      <CallStatus busy={educators.busy} busyText={t.coachesLoading} error={educators.error} onRetry={educators.retry} />
      {educators.value &&
        (klass.coachIds.length === 0 ? (
          <p className="muted">{t.coachesNone}</p>
        ) : (
          <table className="data-table">
            <caption>{t.coachesCaption(klass.name)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.coachName}</th>
                <th scope="col">{t.memberActions}</th>
              </tr>
            </thead>
            <tbody>
              {coaches.map((coach, i) => (
                <tr key={coach?.id ?? i}>
                  <th scope="row" className="break-anywhere">
                    {coach ? nameOf(coach) : t.unknownCoach}
                  </th>
                  <td>
                    {coach && (
                      <button type="button" className="button button-small" aria-label={t.unassign(coach.displayName)} onClick={() => void unassign(coach)} disabled={action.busy}>
                        {t.unassignShort}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {educators.value &&
        (free.length === 0 ? (
          <p className="muted">{t.assignNone}</p>
        ) : (
          <div className="inline-form">
            <div>
              <label htmlFor={`${id}-coach`}>{t.assignLabel}</label>
              <select id={`${id}-coach`} value={pick} onChange={(e) => setChosen(e.target.value)}>
                {free.map((e) => (
                  <option key={e.id} value={e.id}>
                    {nameOf(e)}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="button" onClick={() => void assign()} aria-disabled={action.busy || undefined}>
              {t.assignButton}
            </button>
          </div>
        ))}
      <ActionStatus action={action} />
    </section>
  );
}
