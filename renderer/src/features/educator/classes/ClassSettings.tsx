import { useRef, useState, type FormEvent } from 'react';
import type { ClassDetailView } from '../../../../../electron/common/classes';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { ConfirmBox } from '../../transfer/ConfirmBox';
import { ActionStatus } from './ActionStatus';
import { classNameProblem } from './class-checks';
import { TextField } from './TextField';
import { useClassAction } from './use-class-action';

const t = text.educator.classes;

/** An admin's changes to a class itself: its name, and archiving (after asking) or restoring it. */
export function ClassSettings({ klass }: { klass: ClassDetailView }) {
  const putEducatorClass = useAppStore((s) => s.putEducatorClass);
  const loadLearners = useAppStore((s) => s.loadLearners);
  const action = useClassAction();
  const [name, setName] = useState(klass.name);
  const [nameError, setNameError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const archiveRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (action.busy) return;
    const problem = classNameProblem(name);
    setNameError(problem);
    if (problem) {
      action.clear();
      nameRef.current?.focus();
      return;
    }
    await action.perform('renameClass', { classId: klass.id, name: name.trim() }, async (view) => {
      putEducatorClass(view);
      setName(view.name);
      await loadLearners();
      return t.renamed(view.name);
    });
  };

  const setArchived = async (archived: boolean) => {
    setConfirming(false);
    // The button that was pressed changes or goes: focus follows to what happened.
    requestAnimationFrame(() => statusRef.current?.focus());
    await action.perform('setClassArchived', { classId: klass.id, archived }, async (view) => {
      putEducatorClass(view);
      // The picker hides an archived class, and shows a restored one again.
      await loadLearners();
      return view.archived ? t.archived : t.restored;
    });
  };

  return (
    <div className="class-section">
      <form className="inline-form class-rename" onSubmit={(e) => void rename(e)} noValidate>
        <TextField ref={nameRef} label={t.renameLabel} error={nameError} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        <button type="submit" className="button" aria-disabled={action.busy || undefined}>
          {t.renameButton}
        </button>
      </form>
      <div className="button-row">
        {klass.archived ? (
          <button type="button" className="button" onClick={() => void setArchived(false)} disabled={action.busy}>
            {t.restoreButton}
          </button>
        ) : (
          !confirming && (
            <button ref={archiveRef} type="button" className="button button-danger" onClick={() => setConfirming(true)} disabled={action.busy}>
              {t.archiveButton}
            </button>
          )
        )}
      </div>
      {confirming && (
        <ConfirmBox
          title={t.archiveConfirmTitle(klass.name)}
          confirmLabel={t.archiveConfirmYes}
          onConfirm={() => void setArchived(true)}
          onCancel={() => {
            setConfirming(false);
            requestAnimationFrame(() => archiveRef.current?.focus());
          }}
        >
          <p>{t.archiveConfirmText}</p>
        </ConfirmBox>
      )}
      <ActionStatus ref={statusRef} action={action} />
    </div>
  );
}
