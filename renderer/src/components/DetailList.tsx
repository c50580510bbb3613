/** Terms and their values as a labelled description list (long values wrap anywhere). */
export function DetailList({ rows, label, className }: { rows: ReadonlyArray<readonly [string, string]>; label: string; className: string }) {
  return (
    <dl className={`about-list ${className}`} aria-label={label}>
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd className="break-anywhere">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
