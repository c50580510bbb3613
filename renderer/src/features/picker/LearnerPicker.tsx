import { useId, useMemo, useState, type FormEvent } from 'react';
import { text } from '../../i18n';
import { NEW_LEARNER_FIELD_ID } from '../../store/navigation-slice';
import { useAppStore } from '../../store/store-context';

const MAX_SHOWN = 200;

function CreateLearnerForm() {
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
    const failure = await createLearner(name.trim());
    setBusy(false);
    setError(failure);
  };
  return (
    <section className="card" aria-labelledby="create-learner-title">
      <h2 id="create-learner-title">{text.picker.createTitle}</h2>
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

/** Every learner on this machine, searchable; picking one resumes where they left off. */
export function LearnerPicker() {
  const learners = useAppStore((s) => s.learners);
  const learnersError = useAppStore((s) => s.learnersError);
  const loadLearners = useAppStore((s) => s.loadLearners);
  const openLearner = useAppStore((s) => s.openLearner);
  const [query, setQuery] = useState('');
  const matches = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return (learners ?? []).filter((l) => !q || l.displayName.toLocaleLowerCase().includes(q));
  }, [learners, query]);
  const shown = matches.slice(0, MAX_SHOWN);
  return (
    <div className="picker">
      <h1>{text.picker.title}</h1>
      <p className="lead">{text.picker.intro}</p>
      {learnersError && (
        <div className="banner banner-error" role="alert">
          <p>{text.picker.loadFailed}</p>
          <button type="button" className="button" onClick={() => void loadLearners()}>
            {text.common.retry}
          </button>
        </div>
      )}
      {learners === null && !learnersError && <p role="status">{text.common.loading}</p>}
      {learners !== null && learners.length === 0 && <p>{text.picker.noLearners}</p>}
      {learners !== null && learners.length > 0 && (
        <section aria-labelledby="learner-list-title">
          <h2 id="learner-list-title" className="visually-hidden">
            {text.picker.listLabel}
          </h2>
          <label htmlFor="learner-search">{text.picker.searchLabel}</label>
          <input id="learner-search" type="search" value={query} placeholder={text.picker.searchPlaceholder} onChange={(e) => setQuery(e.target.value)} />
          <p className="muted" role="status">
            {matches.length === 0 ? text.picker.noMatches(query.trim()) : text.picker.count(Math.min(matches.length, MAX_SHOWN), learners.length)}
          </p>
          <ul className="learner-grid">
            {shown.map((l) => (
              <li key={l.id}>
                <button type="button" className="learner-card" aria-label={text.picker.openLearner(l.displayName)} onClick={() => void openLearner(l.id)}>
                  <span className="learner-avatar" aria-hidden="true">
                    {l.displayName.trim().charAt(0).toLocaleUpperCase()}
                  </span>
                  <span className="learner-card-name">{l.displayName}</span>
                  <span className="learner-card-summary">{text.picker.learnerSummary(l.completedObjectives, l.badgeCount)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <CreateLearnerForm />
    </div>
  );
}
