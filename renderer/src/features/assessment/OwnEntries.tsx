import { useEffect, useId, useState, type FormEvent } from 'react';
import { text } from '../../i18n';

interface OwnEntriesProps {
  title: string;
  inputLabel: string;
  addButton: string;
  listTitle: string;
  removeLabel(name: string): string;
  /** The learner's own entries the database has confirmed. */
  entries: string[];
  /** Every confirmed entry (own and predefined), to refuse duplicates. */
  savedNames: string[];
  /** Predefined labels: typing one ("animals") picks it ("Animals") instead of a near-duplicate. */
  predefined: string[];
  maxLength: number;
  onAdd(name: string): Promise<void>;
  onRemove(name: string): Promise<void>;
}

const same = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** "Add your own": a text field that saves the learner's own words, and a list to remove them. */
export function OwnEntries(props: OwnEntriesProps) {
  const { entries, savedNames, predefined, maxLength } = props;
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();
  const titleId = useId();

  // The field empties only once the database has the entry; after a failed save the words stay.
  useEffect(() => {
    if (submitted !== null && savedNames.includes(submitted)) {
      setDraft('');
      setSubmitted(null);
    }
  }, [savedNames, submitted]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = draft.trim();
    if (!typed) return setError(text.assessment.own.empty);
    if (typed.length > maxLength) return setError(text.assessment.own.tooLong(maxLength));
    if (savedNames.some((n) => same(n, typed))) return setError(text.assessment.own.duplicate);
    setError(null);
    const name = predefined.find((p) => same(p, typed)) ?? typed;
    setSubmitted(name);
    await props.onAdd(name);
  };

  return (
    <section className="own-entries" aria-labelledby={titleId}>
      <h2 id={titleId}>{props.title}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={inputId}>{props.inputLabel}</label>
        <div className="inline-form">
          <input
            id={inputId}
            type="text"
            value={draft}
            maxLength={maxLength}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="button">
            {props.addButton}
          </button>
        </div>
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
      {entries.length > 0 && (
        <>
          <h3>{props.listTitle}</h3>
          <ul className="own-list">
            {entries.map((name) => (
              <li key={name} className="own-item">
                <span className="own-name">{name}</span>
                <button type="button" className="button button-small" onClick={() => void props.onRemove(name)}>
                  {props.removeLabel(name)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
