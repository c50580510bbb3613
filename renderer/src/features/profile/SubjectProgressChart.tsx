import { useId } from 'react';
import { text } from '../../i18n';
import { CHART_COLOURS, CHART_OUTLINE, chartLayout, SEGMENT_ORDER, segmentFill, type SegmentKind } from './chart-layout';
import { chartSummary, type SubjectProgress } from './report-model';

export const SEGMENT_LABELS: Record<SegmentKind, string> = {
  completed: text.profile.statusCompleted,
  inProgress: text.profile.statusInProgress,
  notStarted: text.profile.statusNotStarted,
};

function HatchPattern({ id }: { id: string }) {
  return (
    <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="8" height="8" fill="#ffffff" />
      <rect width="4" height="8" fill={CHART_COLOURS.inProgress} />
    </pattern>
  );
}

function Legend({ patternId }: { patternId: string }) {
  return (
    <ul className="chart-legend">
      {SEGMENT_ORDER.map((kind) => (
        <li key={kind}>
          <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
            <rect x="1" y="1" width="16" height="16" fill={segmentFill(kind, patternId)} stroke={CHART_OUTLINE} />
          </svg>
          {SEGMENT_LABELS[kind]}
        </li>
      ))}
    </ul>
  );
}

/** Progress per subject: an SVG picture with a spoken summary, and the same numbers as a table. */
export function SubjectProgressChart({ subjects }: { subjects: SubjectProgress[] }) {
  const patternId = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const layout = chartLayout(subjects);
  return (
    <div className="progress-chart">
      <svg
        role="img"
        aria-label={chartSummary(subjects)}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        className="progress-chart-svg"
        focusable="false"
      >
        <defs>
          <HatchPattern id={patternId} />
        </defs>
        {layout.rows.map((row) => (
          <g key={row.subjectId}>
            <text x={layout.barX} y={row.textY} className="chart-label">
              {row.label}
            </text>
            <rect x={layout.barX} y={row.y} width={layout.barWidth} height={layout.barHeight} fill={CHART_COLOURS.notStarted} stroke={CHART_OUTLINE} />
            {row.segments.map((seg) => (
              <rect key={seg.kind} x={seg.x} y={row.y} width={seg.width} height={layout.barHeight} fill={segmentFill(seg.kind, patternId)} stroke={CHART_OUTLINE} />
            ))}
            <text x={layout.captionX} y={row.textY} textAnchor="end" className="chart-caption">
              {row.caption}
            </text>
          </g>
        ))}
      </svg>
      <Legend patternId={patternId} />
      <table className="data-table">
        <caption>{text.profile.progressTableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.profile.progressSubject}</th>
            {SEGMENT_ORDER.map((kind) => (
              <th key={kind} scope="col">
                {SEGMENT_LABELS[kind]}
              </th>
            ))}
            <th scope="col">{text.profile.progressTotal}</th>
          </tr>
        </thead>
        <tbody>
          {subjects.map((s) => (
            <tr key={s.subjectId}>
              <th scope="row">{s.title}</th>
              <td>{s.completed}</td>
              <td>{s.inProgress}</td>
              <td>{s.notStarted}</td>
              <td>{s.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
