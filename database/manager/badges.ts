import type { ParsedChannelInput } from '../../electron/common/contract';
import { DalaError } from '../../electron/common/errors';
import type { BadgeRecord } from '../../electron/common/profile';
import { channelHandlers } from '../channels/define';
import { cachedStatement } from '../statement-cache';
import { badgeRows, placeholdersOf } from '../table-rows';
import { assertLearnerExists, readQuery, touchLearner, writeTransaction, type ManagerContext } from './context';
import { listBadges } from './profile-reads';

const INSERT_BADGE = `INSERT INTO badges (${badgeRows.insertColumns}) VALUES (${placeholdersOf(badgeRows)}) ON CONFLICT DO NOTHING`;

/** Records a badge given by hand (an educator, an import). A badge is earned once: a second is a conflict. */
export function addBadgeRecord(ctx: ManagerContext, { learnerId, badgeId, badgeName, details }: ParsedChannelInput<'addBadgeRecord'>): BadgeRecord {
  return writeTransaction(ctx, () => {
    const now = ctx.now();
    touchLearner(ctx, learnerId, now);
    const badge: BadgeRecord = { badgeId, badgeName, earnedDate: now, details: details ?? null };
    const inserted = cachedStatement(ctx.sqlite, INSERT_BADGE).run(...badgeRows.params(learnerId, badge));
    if (inserted.changes === 0) throw new DalaError('conflict', `This learner already has the badge "${badgeId}".`, 'badgeId');
    return badge;
  });
}

export function getBadges(ctx: ManagerContext, { learnerId }: ParsedChannelInput<'getBadges'>): BadgeRecord[] {
  return readQuery(() => {
    assertLearnerExists(ctx, learnerId);
    return listBadges(ctx, learnerId);
  });
}

export const badgeHandlers = channelHandlers({ addBadgeRecord, getBadges });
