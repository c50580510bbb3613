import { mergeDomainMaps } from '../../electron/common/contract/define';
import { educatorHandlers } from '../accounts/educator-channels';
import { sessionHandlers } from '../accounts/session-channels';
import { auditHandlers } from '../administration/audit-log';
import { settingsHandlers } from '../administration/settings-channels';
import { automaticBackupHandlers } from '../backups/backup-channels';
import { classHandlers } from '../classes/class-channels';
import { backupHandlers } from '../jobs/backup-channels';
import { maintenanceHandlers } from '../maintenance/maintenance-channels';
import { attemptHandlers } from '../manager/attempts';
import { badgeHandlers } from '../manager/badges';
import { fullProfileHandlers } from '../manager/full-profile';
import { interestHandlers } from '../manager/interests';
import { learnerHandlers } from '../manager/learners';
import { metricHandlers } from '../manager/metrics';
import { preferenceHandlers } from '../manager/preferences';
import { progressHandlers } from '../manager/progress';
import { struggleHandlers } from '../manager/struggles';
import { profileTransferHandlers } from '../transfer/profile-channels';
import { snapshotHandlers } from '../transfer/snapshot-channels';
import { transferFileHandlers } from '../transfer/transfer-file-channels';
import { syncHandlers } from '../sync/sync-channels';
import type { HandlerMap } from './define';

/**
 * Every channel's handler, from the domain files that declare them. A channel handled twice does
 * not compile (mergeDomainMaps); a channel of the contract with no handler does not either.
 */
export const handlerMap: HandlerMap = mergeDomainMaps(
  sessionHandlers,
  educatorHandlers,
  classHandlers,
  settingsHandlers,
  auditHandlers,
  automaticBackupHandlers,
  learnerHandlers,
  fullProfileHandlers,
  preferenceHandlers,
  interestHandlers,
  struggleHandlers,
  metricHandlers,
  progressHandlers,
  badgeHandlers,
  attemptHandlers,
  maintenanceHandlers,
  profileTransferHandlers,
  transferFileHandlers,
  snapshotHandlers,
  backupHandlers,
  syncHandlers,
);
