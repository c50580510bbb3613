import { assessmentProgress } from '../../../../electron/common/assessment-progress';
import {
  badgeDefinitions,
  diagnosticTasks,
  findObjective,
  interests as interestCatalog,
  preferenceTasks,
  subjectIdOf,
  subjects,
} from '../../../../electron/common/content';
import { UNKNOWN_BADGE_ICON } from '../../../../electron/common/content/icons';
import { PREFERENCE_MODES } from '../../../../electron/common/content/schemas';
import type { JsonObject } from '../../../../electron/common/dto';
import type { FullLearnerProfile } from '../../../../electron/common/profile';
import { text } from '../../i18n';
import { formatDate, formatDateTime, formatPercent, formatSeconds } from './format';

export type PreferenceMode = (typeof PREFERENCE_MODES)[number];

export interface SubjectProgress {
  subjectId: string;
  title: string;
  completed: number;
  inProgress: number;
  notStarted: number;
  total: number;
}

/**
 * Everything the report shows, already in words: the screen, the printout and the saved web page
 * all read this one model, so they cannot disagree. `null` means "nothing recorded".
 */
export interface ReportModel {
  learnerName: string;
  createdAt: string;
  lastActiveAt: string;
  assessment: { doneParts: number; totalParts: number; finished: boolean };
  /** `icon`: a bundled icon id, null for the learner's own words. */
  interests: Array<{ label: string; icon: string | null }>;
  struggles: string[];
  preferences: Array<{ prompt: string; choice: string }>;
  preferenceSummary: string | null;
  metrics: Array<{ title: string; accuracy: string | null; attempts: string | null; time: string | null; span: string | null }>;
  subjects: SubjectProgress[];
  badges: Array<{ icon: string; name: string; description: string | null; earned: string }>;
  recentAttempts: Array<{ activity: string; goal: string; score: string | null; completed: boolean; date: string }>;
}

export const RECENT_ATTEMPTS = 10;
/** Memory-span games may name the longest sequence remembered any of these ways. */
const SPAN_KEYS = ['span', 'max_span', 'longest_span', 'maxSpan', 'longestSpan'];

const numberAt = (details: JsonObject, key: string): number | null => {
  const v = details[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
const firstNumber = (details: JsonObject, keys: string[]): number | null => keys.map((k) => numberAt(details, k)).find((v) => v !== null) ?? null;
const byOrder = <T>(items: T[], order: (item: T) => number): T[] =>
  [...items].sort((a, b) => (order(a) < 0 ? Infinity : order(a)) - (order(b) < 0 ? Infinity : order(b)));
const isMode = (value: string): value is PreferenceMode => (PREFERENCE_MODES as readonly string[]).includes(value);

function preferenceSummary(values: string[]): string | null {
  const counts = new Map<PreferenceMode, number>();
  for (const v of values) if (isMode(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
  const best = Math.max(0, ...counts.values());
  if (best === 0) return null;
  const top = PREFERENCE_MODES.filter((m) => counts.get(m) === best).map((m) => text.profile.modeNames[m]);
  return top.length === 1 ? text.profile.mostlyLearnsBy(top[0] ?? '') : text.profile.learnsByMix(top);
}

/** Completed / in progress / not started objectives per curriculum subject. */
export function subjectProgress(loProgress: FullLearnerProfile['loProgress']): SubjectProgress[] {
  return subjects.map((subject) => {
    const ids = new Set(subject.objectives.map((o) => o.id));
    const status = new Map<string, string>();
    for (const p of loProgress) {
      if (subjectIdOf(p.loId) !== subject.id) continue;
      ids.add(p.loId); // an objective from another app version still counts in its subject
      status.set(p.loId, p.status);
    }
    const statuses = [...ids].map((id) => status.get(id) ?? 'not_started');
    const completed = statuses.filter((s) => s === 'completed').length;
    const inProgress = statuses.filter((s) => s === 'in_progress').length;
    return { subjectId: subject.id, title: subject.title, completed, inProgress, notStarted: ids.size - completed - inProgress, total: ids.size };
  });
}

export function buildReportModel(full: FullLearnerProfile): ReportModel {
  const progress = assessmentProgress(full);
  const taskOrder = (category: string) => preferenceTasks.findIndex((t) => t.category === category);
  const diagnosticOrder = (taskName: string) => diagnosticTasks.findIndex((t) => t.taskName === taskName);
  return {
    learnerName: full.profile.displayName,
    createdAt: formatDate(full.profile.createdAt),
    lastActiveAt: formatDate(full.profile.lastUpdatedAt),
    assessment: { doneParts: progress.doneParts, totalParts: progress.totalParts, finished: progress.finished },
    interests: full.interests.map((i) => {
      const name = i.interestName.trim().toLocaleLowerCase();
      const known = interestCatalog.find((c) => c.label.toLocaleLowerCase() === name || c.id === name);
      return { label: i.interestName, icon: known?.icon ?? null };
    }),
    struggles: full.struggles.map((s) => s.struggleDescription),
    preferences: byOrder(full.preferences, (p) => taskOrder(p.category)).map((p) => {
      const task = preferenceTasks.find((t) => t.category === p.category);
      return { prompt: task?.prompt ?? p.category, choice: task?.options.find((o) => o.mode === p.value)?.label ?? p.value };
    }),
    preferenceSummary: preferenceSummary(full.preferences.map((p) => p.value)),
    metrics: byOrder(full.cognitiveMetrics, (m) => diagnosticOrder(m.taskName)).map((m) => {
      const accuracy = numberAt(m.metricDetails, 'accuracy');
      const attempts = numberAt(m.metricDetails, 'attempts');
      const time = numberAt(m.metricDetails, 'time_ms');
      const span = firstNumber(m.metricDetails, SPAN_KEYS);
      return {
        title: diagnosticTasks.find((t) => t.taskName === m.taskName)?.title ?? m.taskName,
        accuracy: accuracy === null ? null : formatPercent(accuracy),
        attempts: attempts === null ? null : String(attempts),
        time: time === null ? null : text.profile.seconds(formatSeconds(time)),
        span: span === null ? null : String(span),
      };
    }),
    subjects: subjectProgress(full.loProgress),
    badges: [...full.badges]
      .sort((a, b) => a.earnedDate.localeCompare(b.earnedDate))
      .map((b) => {
        const definition = badgeDefinitions.find((d) => d.id === b.badgeId);
        return { icon: definition?.icon ?? UNKNOWN_BADGE_ICON, name: b.badgeName, description: definition?.description ?? null, earned: formatDate(b.earnedDate) };
      }),
    recentAttempts: [...full.activityAttempts]
      .sort((a, b) => b.attemptTimestamp.localeCompare(a.attemptTimestamp))
      .slice(0, RECENT_ATTEMPTS)
      .map((a) => {
        const objective = findObjective(a.loId)?.objective;
        return {
          activity: objective?.activities.find((x) => x.id === a.activityId)?.title ?? a.activityId,
          goal: objective?.title ?? a.loId,
          score: a.score === null ? null : formatPercent(a.score),
          completed: a.completed,
          date: formatDateTime(a.attemptTimestamp),
        };
      }),
  };
}

/** One sentence per subject, for the chart's accessible name. */
export function chartSummary(rows: SubjectProgress[]): string {
  return text.profile.chartLabel(rows.map((r) => text.profile.chartSubjectSummary(r.title, r.completed, r.inProgress, r.notStarted)));
}

/** `Zoë O'Brien` → `Zoë-O'Brien-profile-report.html`: only characters every file system accepts. */
export function reportFileName(learnerName: string): string {
  const safe = learnerName
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/^\.+/, '')
    .slice(0, 80);
  return `${safe || text.profile.fileNameFallback}${text.profile.fileNameSuffix}`;
}
