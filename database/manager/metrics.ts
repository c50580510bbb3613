import { addOrUpdateCognitiveMetricInput, learnerRefInput, type AddOrUpdateCognitiveMetricInput, type LearnerRefInput } from '../../electron/common/dto';
import { parseInput } from '../../electron/common/errors';
import type { BadgesAwarded, CognitiveMetric } from '../../electron/common/profile';
import { cachedStatement } from '../statement-cache';
import { awardEarnedBadges } from './badge-awards';
import { assertLearnerExists, readQuery, touchLearner, writeTransaction, type ManagerContext } from './context';
import { listMetrics } from './profile-reads';
import { jsonText, toCognitiveMetric } from './rows';

/** A diagnostic played again replaces its metric (one row per task); the last diagnostic can finish the assessment. */
export function addOrUpdateCognitiveMetric(ctx: ManagerContext, input: AddOrUpdateCognitiveMetricInput): { metric: CognitiveMetric } & BadgesAwarded {
  const { learnerId, taskName, metricDetails } = parseInput(addOrUpdateCognitiveMetricInput, input);
  return writeTransaction(ctx, () => {
    const now = ctx.now();
    touchLearner(ctx, learnerId, now);
    const details = jsonText(metricDetails);
    cachedStatement(
      ctx.sqlite,
      `INSERT INTO cognitive_metrics (learner_id, task_name, metric_details, timestamp) VALUES (?, ?, ?, ?)
       ON CONFLICT (learner_id, task_name) DO UPDATE SET metric_details = excluded.metric_details, timestamp = max(timestamp, excluded.timestamp)`,
    ).run(learnerId, taskName, details, now);
    const row = cachedStatement(ctx.sqlite, 'SELECT task_name AS taskName, metric_details AS metricDetails, timestamp FROM cognitive_metrics WHERE learner_id = ? AND task_name = ?').get(
      learnerId,
      taskName,
    ) as { taskName: string; metricDetails: string; timestamp: string };
    return { metric: toCognitiveMetric(row), badgesAwarded: awardEarnedBadges(ctx, learnerId) };
  });
}

export function getCognitiveMetrics(ctx: ManagerContext, input: LearnerRefInput): CognitiveMetric[] {
  const { learnerId } = parseInput(learnerRefInput, input);
  return readQuery(() => {
    assertLearnerExists(ctx, learnerId);
    return listMetrics(ctx, learnerId);
  });
}
