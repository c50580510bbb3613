import { useEffect, type ReactNode } from 'react';
import { badgeDefinitions } from '../../../../electron/common/content';
import { UNKNOWN_BADGE_ICON } from '../../../../electron/common/content/icons';
import type { DatabaseStatisticsView } from '../../../../electron/common/maintenance-views';
import { ContentIcon } from '../../components/ContentIcon';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import { CallStatus } from './CallStatus';
import { formatNumber, formatTime } from './format';
import { useChannelCall } from './use-channel-call';

const t = text.educator;

function DataTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: Array<[ReactNode, ...ReactNode[]]> }) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([head, ...cells], i) => (
          <tr key={i}>
            <th scope="row">{head}</th>
            {cells.map((c, j) => (
              <td key={j}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StatisticsTables({ stats }: { stats: DatabaseStatisticsView }) {
  const a = stats.attemptsPerLearner;
  const iconOf = (badgeId: string) => badgeDefinitions.find((b) => b.id === badgeId)?.icon ?? UNKNOWN_BADGE_ICON;
  return (
    <div className="stats-grid">
      <DataTable
        caption={t.attemptsCaption}
        headers={[t.attemptsMeasure, t.attemptsValue]}
        rows={[
          [t.attemptsMin, formatNumber(a.min)],
          [t.attemptsMedian, formatNumber(a.median)],
          [t.attemptsMean, formatNumber(a.mean)],
          [t.attemptsMax, formatNumber(a.max)],
        ]}
      />
      <DataTable
        caption={t.statusCaption}
        headers={[t.statusName, t.statusCount]}
        rows={[
          [t.statusCompleted, formatNumber(stats.loStatus.completed)],
          [t.statusInProgress, formatNumber(stats.loStatus.in_progress)],
          [t.statusNotStarted, formatNumber(stats.loStatus.not_started)],
        ]}
      />
      <DataTable
        caption={t.tablesCaption}
        headers={[t.tableName, t.tableRows, t.tableRemoved]}
        rows={Object.entries(stats.tables).map(([name, counts]) => [
          <>
            {t.tableLabels[name] ?? name} <code className="muted">{name}</code>
          </>,
          formatNumber(counts.rows),
          formatNumber(counts.removed),
        ])}
      />
      {stats.badges.length === 0 ? (
        <p className="muted">{t.noBadges}</p>
      ) : (
        <DataTable
          caption={t.badgesCaption}
          headers={[t.badgeName, t.badgeLearners]}
          rows={stats.badges.map((b) => [
            <>
              <ContentIcon icon={iconOf(b.badgeId)} alt="" size={24} />
              {b.badgeName}
            </>,
            formatNumber(b.learners),
          ])}
        />
      )}
    </div>
  );
}

/** How the records on this computer are used: learners, rows per table, attempts, goals, badges. */
export function StatisticsPanel() {
  const stats = useChannelCall('getStatistics');
  // Counted again when an import, restore or undo has changed the records.
  const dataVersion = useAppStore((s) => s.dataVersion);
  const { run } = stats;
  useEffect(() => {
    void run({});
  }, [run, dataVersion]);
  return (
    <section className="educator-panel" aria-labelledby="statistics-title" aria-busy={stats.busy}>
      <div className="panel-heading">
        <h2 id="statistics-title">{t.statisticsTitle}</h2>
        <button type="button" className="button" onClick={() => void run({})} disabled={stats.busy}>
          {t.refresh}
        </button>
      </div>
      <CallStatus
        busy={stats.busy}
        busyText={t.loadingStatistics}
        doneText={stats.finishedAt ? t.refreshed(formatTime(stats.finishedAt)) : undefined}
        error={stats.error}
        onRetry={stats.retry}
      />
      {stats.value && (
        <>
          <p className="lead">{t.learnersCount(stats.value.learners)}</p>
          <StatisticsTables stats={stats.value} />
        </>
      )}
    </section>
  );
}
