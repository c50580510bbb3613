import { addBadgeRecordInput, learnerRefInput, type AddBadgeRecordInput, type LearnerRefInput } from '../../electron/common/dto';
import { DalaError, parseInput } from '../../electron/common/errors';
import type { BadgeRecord } from '../../electron/common/profile';
import { cachedStatement } from '../statement-cache';
import { assertLearnerExists, readQuery, touchLearner, writeTransaction, type ManagerContext } from './context';
import { listBadges } from './profile-reads';
import { jsonText, toBadgeRecord } from './rows';

/** Records a badge given by hand (an educator, an import). A badge is earned once: a second is a conflict. */
export function addBadgeRecord(ctx: ManagerContext, input: AddBadgeRecordInput): BadgeRecord {
  const { learnerId, badgeId, badgeName, details } = parseInput(addBadgeRecordInput, input);
  return writeTransaction(ctx, () => {
    const now = ctx.now();
    touchLearner(ctx, learnerId, now);
    const row = { learnerId, badgeId, badgeName, earnedDate: now, details: jsonText(details) };
    const inserted = cachedStatement(ctx.sqlite, 'INSERT INTO badges (learner_id, badge_id, badge_name, earned_date, details) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING').run(
      learnerId,
      badgeId,
      badgeName,
      now,
      row.details,
    );
    if (inserted.changes === 0) throw new DalaError('conflict', `This learner already has the badge "${badgeId}".`, 'badgeId');
    return toBadgeRecord({ id: 0, ...row });
  });
}

export function getBadges(ctx: ManagerContext, input: LearnerRefInput): BadgeRecord[] {
  const { learnerId } = parseInput(learnerRefInput, input);
  return readQuery(() => {
    assertLearnerExists(ctx, learnerId);
    return listBadges(ctx, learnerId);
  });
}
