import { useRef, useState, type FormEvent } from 'react';
import type { SignInMethod } from '../../../../../electron/common/accounts';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { ActionStatus } from './ActionStatus';
import { classNameProblem } from './class-checks';
import { SignInMethodChoice } from './SignInMethodChoice';
import { TextField } from './TextField';
import { useClassAction } from './use-class-action';

const t = text.educator.classes;

/** An admin's form for a new class: its name and how its learners sign in. */
export function NewClassForm({ onCreated }: { onCreated(classId: string): void }) {
  const putEducatorClass = useAppStore((s) => s.putEducatorClass);
  const loadLearners = useAppStore((s) => s.loadLearners);
  const action = useClassAction();
  const [name, setName] = useState('');
  const [method, setMethod] = useState<SignInMethod>('none');
  const [nameError, setNameError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (action.busy) return;
    const problem = classNameProblem(name);
    setNameError(problem);
    if (problem) {
      action.clear();
      nameRef.current?.focus();
      return;
    }
    const created = await action.perform('createClass', { name: name.trim(), signInMethod: method }, async (view) => {
      putEducatorClass(view);
      // The picker shows the new class at once.
      await loadLearners();
      return t.created(view.name);
    });
    if (!created) return;
    setName('');
    setMethod('none');
    onCreated(created.id);
  };

  return (
    <section className="card" aria-labelledby="new-class-title">
      <h3 id="new-class-title">{t.newClassTitle}</h3>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField ref={nameRef} label={t.newClassName} error={nameError} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        <SignInMethodChoice value={method} onChange={setMethod} />
        <button type="submit" className="button button-primary" aria-disabled={action.busy || undefined}>
          {t.createButton}
        </button>
      </form>
      <ActionStatus action={action} />
    </section>
  );
}
