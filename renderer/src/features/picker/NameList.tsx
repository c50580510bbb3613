import { useMemo, useState } from 'react';
import type { LearnerNameView } from '../../../../electron/common/classes';
import { text } from '../../i18n';
import { learnerTileId } from './picker-groups';

const MAX_SHOWN = 200;

interface NameListProps {
  learners: readonly LearnerNameView[];
  /** The list's heading: the class's name, or "Learners on this computer" (read by screen readers only). */
  title: string;
  titleId: string;
  titleHidden: boolean;
  onChoose(learnerId: string): void;
}

/** Names to pick from, searchable. Names only: the shared picker shows nobody's progress. */
export function NameList({ learners, title, titleId, titleHidden, onChoose }: NameListProps) {
  const [query, setQuery] = useState('');
  const matches = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return learners.filter((l) => !q || l.displayName.toLocaleLowerCase().includes(q));
  }, [learners, query]);
  const shown = matches.slice(0, MAX_SHOWN);
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId} className={titleHidden ? 'visually-hidden' : undefined} tabIndex={-1}>
        {title}
      </h2>
      <label htmlFor="learner-search">{text.picker.searchLabel}</label>
      <input id="learner-search" type="search" value={query} placeholder={text.picker.searchPlaceholder} onChange={(e) => setQuery(e.target.value)} />
      <p className="muted" role="status">
        {matches.length === 0 ? text.picker.noMatches(query.trim()) : text.picker.count(Math.min(matches.length, MAX_SHOWN), learners.length)}
      </p>
      <ul className="learner-grid">
        {shown.map((l) => (
          <li key={l.id}>
            <button type="button" id={learnerTileId(l.id)} className="learner-card" aria-label={text.picker.openLearner(l.displayName)} onClick={() => onChoose(l.id)}>
              <span className="learner-avatar" aria-hidden="true">
                {l.displayName.trim().charAt(0).toLocaleUpperCase()}
              </span>
              <span className="learner-card-name">{l.displayName}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
