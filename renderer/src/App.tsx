import { useEffect, useState } from 'react';
import type { LearnerSummary } from '../../electron/common/profile';
import { call } from './api/dala';

/** Placeholder shell until the learner picker and assessment screens land. */
export function App() {
  const [learners, setLearners] = useState<LearnerSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('listLearners', {}).then(setLearners, (e: Error) => setError(e.message));
  }, []);
  return (
    <main>
      <h1>DALA Learner Profile</h1>
      {error && <p role="alert">{error}</p>}
      {learners && (
        <ul aria-label="Learners">
          {learners.map((l) => (
            <li key={l.id}>{l.displayName}</li>
          ))}
        </ul>
      )}
    </main>
  );
}
