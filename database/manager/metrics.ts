import type { ParsedChannelInput } from '../../electron/common/contract';
import type { BadgesAwarded, CognitiveMetric } from '../../electron/common/profile';
import { channelHandlers } from '../channels/define';
import { cachedRowsStatement, cachedStatement } from '../statement-cache';
import { jsonText, metricRows, type Row } from '../table-rows';
import { awardEarnedBadges } from './badge-awards';
import { assertLearnerExists, readQuery, touchLearner, writeTransaction, type ManagerContext } from './context';
import { listMetrics } from './profile-reads';

const UPSERT_METRIC = `INSERT INTO cognitive_metrics (learner_id, task_name, metric_details, timestamp) VALUES (?, ?, ?, ?)
  ON CONFLICT (learner_id, task_name) DO UPDATE SET metric_details = excluded.metric_details, timestamp = max(timestamp, excluded.timestamp)`;
const ONE_METRIC = `SELECT ${metricRows.columns} FROM cognitive_metrics WHERE learner_id = ? AND task_name = ?`;

/** A diagnostic played again replaces its metric (one row per task); the last diagnostic can finish the assessment. */
export function addOrUpdateCognitiveMetric(
  ctx: ManagerContext,
  { learnerId, taskName, metricDetails }: ParsedChannelInput<'addOrUpdateCognitiveMetric'>,
): { metric: CognitiveMetric } & BadgesAwarded {
  return writeTransaction(ctx, () => {
    const now = ctx.now();
    touchLearner(ctx, learnerId, now);
    cachedStatement(ctx.sqlite, UPSERT_METRIC).run(learnerId, taskName, jsonText(metricDetails), now);
    const metric = metricRows.from(cachedRowsStatement(ctx.sqlite, ONE_METRIC).get(learnerId, taskName) as Row);
    return { metric, badgesAwarded: awardEarnedBadges(ctx, learnerId) };
  });
}

export function getCognitiveMetrics(ctx: ManagerContext, { learnerId }: ParsedChannelInput<'getCognitiveMetrics'>): CognitiveMetric[] {
  return readQuery(() => {
    assertLearnerExists(ctx, learnerId);
    return listMetrics(ctx, learnerId);
  });
}

export const metricHandlers = channelHandlers({ addOrUpdateCognitiveMetric, getCognitiveMetrics });
