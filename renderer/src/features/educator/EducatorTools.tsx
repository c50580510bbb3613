import { useEffect, useState } from 'react';
import { text } from '../../i18n';
import type { EducatorPanelId } from '../../store/navigation-slice';
import { useAppStore } from '../../store/store-context';
import { BackupRestorePanel } from '../transfer/BackupRestorePanel';
import { MoveLearnerPanel } from '../transfer/MoveLearnerPanel';
import { SnapshotsPanel } from '../transfer/SnapshotsPanel';
import { UndoImportPanel } from '../transfer/UndoImportPanel';
import { AboutApp } from './AboutApp';
import { EducatorTabs, type TabDefinition } from './EducatorTabs';
import { StatisticsPanel } from './StatisticsPanel';
import { VerifyPanel } from './VerifyPanel';

const t = text.educator;

/** The educator's panels, one component each, in the order of EDUCATOR_PANELS. */
const PANELS: Array<TabDefinition & { id: EducatorPanelId }> = [
  { id: 'statistics', label: t.tabs.statistics, panel: <StatisticsPanel /> },
  { id: 'verify', label: t.tabs.verify, panel: <VerifyPanel /> },
  { id: 'move', label: text.transfer.tabs.move, panel: <MoveLearnerPanel /> },
  { id: 'undo', label: text.transfer.tabs.undo, panel: <UndoImportPanel /> },
  { id: 'backup', label: text.transfer.tabs.backup, panel: <BackupRestorePanel /> },
  { id: 'snapshots', label: text.transfer.tabs.snapshots, panel: <SnapshotsPanel /> },
];

/** Educator tools: no learner needs to be open. A menu item or a dropped file may ask for a panel. */
export function EducatorTools() {
  const screen = useAppStore((s) => s.screen);
  const requested = screen.name === 'educator' ? screen.panel : undefined;
  const [selected, setSelected] = useState<string>(requested ?? 'statistics');
  useEffect(() => {
    // Every request counts (the screen object is new each time), even for the tab already shown.
    if (requested) setSelected(requested);
  }, [screen, requested]);
  return (
    <div className="educator-tools">
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      <EducatorTabs label={t.tabsLabel} tabs={PANELS} selected={selected} onSelect={setSelected} />
      <AboutApp />
    </div>
  );
}
