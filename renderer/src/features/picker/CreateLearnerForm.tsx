import { useId, useState, type FormEvent } from 'react';
import { text } from '../../i18n';
import { NEW_LEARNER_FIELD_ID } from '../../store/navigation-slice';
import { useAppStore } from '../../store/store-context';

interface CreateLearnerFormProps {
  /** The class the new profile joins (the one the picker is showing), if any. */
  classId?: string;
  className: string | null;
}

/** "I'm new": a pupil makes their own profile and is signed in as it at once. */
export function CreateLearnerForm({ classId, className }: CreateLearnerFormProps) {
  const createLearner = useAppStore((s) => s.createLearner);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(text.picker.nameRequired);
      return;
    }
    setBusy(true);
    const failure = await createLearner(name.trim(), classId);
    setBusy(false);
    setError(failure);
  };
  return (
    <section className="card" aria-labelledby="create-learner-title">
      <h2 id="create-learner-title">{text.picker.createTitle}</h2>
      <p>{text.picker.createIntro(className)}</p>
      <form onSubmit={submit} noValidate>
        <label htmlFor={NEW_LEARNER_FIELD_ID}>{text.picker.nameLabel}</label>
        <div className="inline-form">
          <input
            id={NEW_LEARNER_FIELD_ID}
            value={name}
            maxLength={100}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? text.picker.creating : text.picker.createButton}
          </button>
        </div>
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
