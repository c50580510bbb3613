/** A job's progress: a bar with its value for assistive technology, and the same in words. */
export function ProgressBar({ label, done, total, words, finished = false }: { label: string; done: number; total: number; words: string; finished?: boolean }) {
  const max = Math.max(total, 1);
  const value = finished ? max : Math.min(done, max);
  return (
    <div className="job-progress">
      <div className="progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value} aria-valuetext={words}>
        <span className="progress-fill" style={{ width: `${Math.round((value / max) * 100)}%` }} />
      </div>
      <p className="muted" aria-hidden="true">
        {words}
      </p>
    </div>
  );
}
