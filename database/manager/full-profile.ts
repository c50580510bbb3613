import type { ParsedChannelInput } from '../../electron/common/contract';
import type { FullLearnerProfile } from '../../electron/common/profile';
import { channelHandlers } from '../channels/define';
import { getActivityAttempts } from './attempts';
import { getBadges } from './badges';
import { readQuery, type ManagerContext } from './context';
import { getInterests } from './interests';
import { getLearnerProfile } from './learners';
import { getCognitiveMetrics } from './metrics';
import { getPreferences } from './preferences';
import { getLoProgress } from './progress';
import { getStruggles } from './struggles';

/** The whole live profile, read in one transaction so it is a consistent picture. */
export function getFullLearnerProfileData(ctx: ManagerContext, ref: ParsedChannelInput<'getFullLearnerProfileData'>): FullLearnerProfile {
  return readQuery(() =>
    ctx.sqlite.transaction(() => ({
      profile: getLearnerProfile(ctx, ref),
      preferences: getPreferences(ctx, ref),
      interests: getInterests(ctx, ref),
      struggles: getStruggles(ctx, ref),
      cognitiveMetrics: getCognitiveMetrics(ctx, ref),
      loProgress: getLoProgress(ctx, ref),
      badges: getBadges(ctx, ref),
      activityAttempts: getActivityAttempts(ctx, ref),
    }))(),
  );
}

export const fullProfileHandlers = channelHandlers({ getFullLearnerProfileData });
