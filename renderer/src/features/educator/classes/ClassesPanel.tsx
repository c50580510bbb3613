import { useState } from 'react';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { CallStatus } from '../CallStatus';
import './classes.css';
import { ClassEditor } from './ClassEditor';
import { ClassList } from './ClassList';
import { NewClassForm } from './NewClassForm';
import { useEducatorClasses } from './use-educator-classes';

const t = text.educator.classes;

/** Classes: make, rename and archive them, how they sign in, their learners and coaches, learners' secrets. */
export function ClassesPanel() {
  const role = useAppStore((s) => s.session?.educator?.role);
  const { classes, error, reload } = useEducatorClasses();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const isAdmin = role === 'admin';
  const list = classes ?? [];
  // With one class there is nothing to choose: it opens at once.
  const selected = list.find((c) => c.id === selectedId) ?? (list.length === 1 ? list[0] : undefined);

  return (
    <section className="educator-panel classes-panel" aria-labelledby="classes-title" aria-busy={classes === null && !error}>
      <h2 id="classes-title">{t.title}</h2>
      <p>{isAdmin ? t.introAdmin : t.introCoach}</p>
      {isAdmin && <NewClassForm onCreated={setSelectedId} />}
      <CallStatus busy={classes === null && !error} busyText={t.loading} error={error} onRetry={reload} />
      {classes && classes.length === 0 && <p>{isAdmin ? t.none : t.noneForCoach}</p>}
      {list.length > 0 && (
        <div className="classes-layout">
          <ClassList classes={list} selectedId={selected?.id ?? null} onSelect={setSelectedId} />
          {selected ? <ClassEditor key={selected.id} klass={selected} isAdmin={isAdmin} /> : <p className="muted">{t.noneChosen}</p>}
        </div>
      )}
    </section>
  );
}
