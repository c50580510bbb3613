import { useRef, useState, type FormEvent } from 'react';
import { text } from '../../../i18n';
import { dayBoundary } from '../../transfer/format';
import { FormField } from '../gate/FormField';

const t = text.educator.admin.audit;

/**
 * "From this day on": the day is the teacher's own (this computer's clock), sent as the UTC time
 * its first moment is. An empty field shows everything.
 */
export function AuditFilter({ busy, onApply }: { busy: boolean; onApply(since: string | undefined): void }) {
  const [day, setDay] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (day === '') {
      setProblem(null);
      return onApply(undefined);
    }
    const since = dayBoundary(day, 'start');
    if (!since) {
      setProblem(t.badDate);
      fieldRef.current?.focus();
      return;
    }
    setProblem(null);
    onApply(since);
  };
  const clear = () => {
    setDay('');
    setProblem(null);
    onApply(undefined);
  };

  return (
    <form className="admin-form admin-filter" onSubmit={apply} noValidate>
      <FormField ref={fieldRef} type="date" label={t.fromLabel} error={problem} value={day} onChange={(e) => setDay(e.target.value)} />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {t.applyFilter}
        </button>
        <button type="button" className="button" onClick={clear} aria-disabled={busy || undefined}>
          {t.clearFilter}
        </button>
      </div>
    </form>
  );
}
