import { text } from '../../i18n';
import { BackupSection } from './BackupSection';
import { RestoreSection } from './RestoreSection';

/** Backups of many learners at once, and restoring one. */
export function BackupRestorePanel() {
  return (
    <section className="educator-panel" aria-labelledby="backup-restore-title">
      <h2 id="backup-restore-title">{text.transfer.tabs.backup}</h2>
      <BackupSection />
      <RestoreSection />
    </section>
  );
}
