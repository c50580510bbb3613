import { iconSvg } from '../../components/icon-sources';
import { text } from '../../i18n';
import { CHART_COLOURS, CHART_OUTLINE, chartLayout, SEGMENT_ORDER, segmentFill, type SegmentKind } from './chart-layout';
import { formatDateTime } from './format';
import { chartSummary, type ReportModel, type SubjectProgress } from './report-model';
import { REPORT_STYLE } from './report-style';

/**
 * The report as one self-contained HTML document: inline style, inline SVG, no scripts, no
 * external addresses (a Content-Security-Policy forbids loading anything). Every piece of text
 * that came from a learner or the database passes through `escapeHtml`.
 */

const t = text.profile;
const PATTERN_ID = 'hatch-in-progress';

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const segmentLabel: Record<SegmentKind, string> = { completed: t.statusCompleted, inProgress: t.statusInProgress, notStarted: t.statusNotStarted };
const none = (value: string | null, fallback: string) => (value === null ? `<span class="muted">${escapeHtml(fallback)}</span>` : escapeHtml(value));

function section(id: string, title: string, body: string): string {
  return `<section class="card" aria-labelledby="report-${id}"><h2 id="report-${id}">${escapeHtml(title)}</h2>${body}</section>`;
}

function table(caption: string, headers: string[], rows: string[][]): string {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  // The first cell of each row names it; cells arrive already escaped.
  const body = rows.map(([first, ...rest]) => `<tr><th scope="row">${first ?? ''}</th>${rest.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const emptyOr = (count: number, empty: string, body: () => string) => (count === 0 ? `<p class="muted">${escapeHtml(empty)}</p>` : body());
const chips = (items: string[]) => `<ul class="chips">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;

/**
 * A bundled icon's own markup, pasted in (the file may load nothing, not even data: images),
 * sized, and hidden from screen readers because the words beside it name the thing. HTML needs
 * no xmlns on inline SVG, and without it the file holds no address at all.
 */
export function inlineIcon(id: string | null, size: number): string {
  const svg = id === null ? undefined : iconSvg(id);
  if (svg === undefined) return '';
  return svg
    .trim()
    .replace(/<svg\b[^>]*>/, (tag) => tag.replace(/\s+xmlns="[^"]*"/, '').replace(/^<svg/, `<svg class="icon" width="${size}" height="${size}" aria-hidden="true" focusable="false"`));
}

export function chartSvg(subjects: SubjectProgress[]): string {
  const l = chartLayout(subjects);
  const rows = l.rows
    .map(
      (r) =>
        `<g><text x="${l.barX}" y="${r.textY}" font-weight="600">${escapeHtml(r.label)}</text>` +
        `<rect x="${l.barX}" y="${r.y}" width="${l.barWidth}" height="${l.barHeight}" fill="${CHART_COLOURS.notStarted}" stroke="${CHART_OUTLINE}"/>` +
        r.segments.map((s) => `<rect x="${s.x}" y="${r.y}" width="${s.width}" height="${l.barHeight}" fill="${segmentFill(s.kind, PATTERN_ID)}" stroke="${CHART_OUTLINE}"/>`).join('') +
        `<text x="${l.captionX}" y="${r.textY}" text-anchor="end">${escapeHtml(r.caption)}</text></g>`,
    )
    .join('');
  const pattern = `<pattern id="${PATTERN_ID}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#ffffff"/><rect width="4" height="8" fill="${CHART_COLOURS.inProgress}"/></pattern>`;
  return `<svg role="img" aria-label="${escapeHtml(chartSummary(subjects))}" viewBox="0 0 ${l.width} ${l.height}" class="chart"><defs>${pattern}</defs>${rows}</svg>`;
}

function progressSection(subjects: SubjectProgress[]): string {
  const legend = SEGMENT_ORDER.map(
    (k) => `<li><svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true"><rect x="1" y="1" width="16" height="16" fill="${segmentFill(k, PATTERN_ID)}" stroke="${CHART_OUTLINE}"/></svg>${escapeHtml(segmentLabel[k])}</li>`,
  ).join('');
  const rows = subjects.map((s) => [escapeHtml(s.title), String(s.completed), String(s.inProgress), String(s.notStarted), String(s.total)]);
  return section(
    'progress',
    t.progressTitle,
    `${chartSvg(subjects)}<ul class="legend">${legend}</ul>` +
      table(t.progressTableCaption, [t.progressSubject, ...SEGMENT_ORDER.map((k) => segmentLabel[k]), t.progressTotal], rows),
  );
}

function sections(m: ReportModel): string {
  const a = m.assessment;
  return [
    section('assessment', t.assessmentTitle, `<p>${escapeHtml(a.finished ? t.assessmentFinished(a.totalParts) : t.assessmentPartial(a.doneParts, a.totalParts))}</p>`),
    section('interests', t.interestsTitle, emptyOr(m.interests.length, t.noInterests, () => chips(m.interests.map((i) => `${inlineIcon(i.icon, 20)}${escapeHtml(i.label)}`)))),
    section('struggles', t.strugglesTitle, emptyOr(m.struggles.length, t.noStruggles, () => chips(m.struggles.map(escapeHtml)))),
    section(
      'preferences',
      t.preferencesTitle,
      (m.preferenceSummary ? `<p class="summary">${escapeHtml(m.preferenceSummary)}</p>` : '') +
        emptyOr(m.preferences.length, t.noPreferences, () =>
          table(t.preferencesCaption, [t.preferenceQuestion, t.preferenceChoice], m.preferences.map((p) => [escapeHtml(p.prompt), escapeHtml(p.choice)])),
        ),
    ),
    section(
      'metrics',
      t.metricsTitle,
      emptyOr(m.metrics.length, t.noMetrics, () =>
        table(
          t.metricsCaption,
          [t.metricGame, t.metricAccuracy, t.metricAttempts, t.metricTime, t.metricSpan],
          m.metrics.map((x) => [escapeHtml(x.title), none(x.accuracy, t.notMeasured), none(x.attempts, t.notMeasured), none(x.time, t.notMeasured), none(x.span, t.notMeasured)]),
        ),
      ),
    ),
    progressSection(m.subjects),
    section(
      'badges',
      t.badgesTitle,
      emptyOr(m.badges.length, t.noBadges, () =>
        `<ul class="badges">${m.badges
          .map(
            (b) =>
              `<li>${inlineIcon(b.icon, 36)} <strong>${escapeHtml(b.name)}</strong>` +
              `${b.description ? ` ${escapeHtml(b.description)}` : ''} <span class="muted">${escapeHtml(t.earnedOn(b.earned))}</span></li>`,
          )
          .join('')}</ul>`,
      ),
    ),
    section(
      'attempts',
      t.attemptsTitle,
      emptyOr(m.recentAttempts.length, t.noAttempts, () =>
        table(
          t.attemptsCaption(m.recentAttempts.length),
          [t.attemptActivity, t.attemptGoal, t.attemptScore, t.attemptCompleted, t.attemptDate],
          m.recentAttempts.map((x) => [escapeHtml(x.activity), escapeHtml(x.goal), none(x.score, t.noScore), escapeHtml(x.completed ? t.yes : t.no), escapeHtml(x.date)]),
        ),
      ),
    ),
  ].join('\n');
}

/** The whole report as an HTML document string, ready to save as a file. */
export function buildReportHtml(model: ReportModel, options: { generatedAt: Date }): string {
  const generated = formatDateTime(options.generatedAt.toISOString());
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.documentTitle(model.learnerName))}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(t.title(model.learnerName))}</h1>
<dl class="dates"><div><dt>${escapeHtml(t.createdLabel)}</dt><dd>${escapeHtml(model.createdAt)}</dd></div><div><dt>${escapeHtml(t.lastActiveLabel)}</dt><dd>${escapeHtml(model.lastActiveAt)}</dd></div></dl>
</header>
${sections(model)}
<footer><p class="muted">${escapeHtml(t.reportFooter(generated))}</p></footer>
</main>
</body>
</html>
`;
}
