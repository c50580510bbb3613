import { useEffect, useState } from 'react';
import type { SessionView } from '../../../../electron/common/accounts';
import { text } from '../../i18n';
import type { EducatorPanelId } from '../../store/navigation-slice';
import { useAppStore } from '../../store/store-context';
import { BackupRestorePanel } from '../transfer/BackupRestorePanel';
import { MoveLearnerPanel } from '../transfer/MoveLearnerPanel';
import { SnapshotsPanel } from '../transfer/SnapshotsPanel';
import { UndoImportPanel } from '../transfer/UndoImportPanel';
import { AuditLogPanel } from './admin/AuditLogPanel';
import { EducatorsPanel } from './admin/EducatorsPanel';
import { SettingsPanel } from './admin/SettingsPanel';
import { AutomaticBackupsPanel } from './backups/AutomaticBackupsPanel';
import { ClassesPanel } from './classes/ClassesPanel';
import { ClassReportPanel } from './classes/ClassReportPanel';
import { SchoolHubPanel } from './hub/SchoolHubPanel';
import { AboutApp } from './AboutApp';
import { EducatorBar } from './gate/EducatorBar';
import { EducatorTabs, type TabDefinition } from './EducatorTabs';
import { StatisticsPanel } from './StatisticsPanel';
import { VerifyPanel } from './VerifyPanel';

const t = text.educator;
type Role = NonNullable<SessionView['educator']>['role'];

interface PanelDefinition extends TabDefinition {
  id: EducatorPanelId;
  /** Who sees the tab; the main process refuses the channels behind it to anyone else anyway. */
  roles: readonly Role[];
}

const BOTH: readonly Role[] = ['admin', 'coach'];
const ADMIN: readonly Role[] = ['admin'];

/** The educator's panels, one component each, in the order of EDUCATOR_PANELS. */
const PANELS: PanelDefinition[] = [
  { id: 'classes', label: t.tabs.classes, panel: <ClassesPanel />, roles: BOTH },
  { id: 'report', label: t.tabs.report, panel: <ClassReportPanel />, roles: BOTH },
  { id: 'move', label: text.transfer.tabs.move, panel: <MoveLearnerPanel />, roles: BOTH },
  { id: 'hub', label: t.tabs.hub, panel: <SchoolHubPanel />, roles: BOTH },
  { id: 'educators', label: t.tabs.educators, panel: <EducatorsPanel />, roles: ADMIN },
  { id: 'audit', label: t.tabs.audit, panel: <AuditLogPanel />, roles: ADMIN },
  { id: 'settings', label: t.tabs.settings, panel: <SettingsPanel />, roles: ADMIN },
  { id: 'automatic', label: t.tabs.automatic, panel: <AutomaticBackupsPanel />, roles: ADMIN },
  { id: 'backup', label: text.transfer.tabs.backup, panel: <BackupRestorePanel />, roles: ADMIN },
  { id: 'undo', label: text.transfer.tabs.undo, panel: <UndoImportPanel />, roles: ADMIN },
  { id: 'snapshots', label: text.transfer.tabs.snapshots, panel: <SnapshotsPanel />, roles: ADMIN },
  { id: 'statistics', label: t.tabs.statistics, panel: <StatisticsPanel />, roles: ADMIN },
  { id: 'verify', label: t.tabs.verify, panel: <VerifyPanel />, roles: ADMIN },
];

/** Educator tools once unlocked: the tabs this educator's role may use. A menu item or a dropped file may ask for a panel. */
export function EducatorTools({ educator }: { educator: NonNullable<SessionView['educator']> }) {
  const screen = useAppStore((s) => s.screen);
  const tabs = PANELS.filter((p) => p.roles.includes(educator.role));
  const requested = screen.name === 'educator' ? screen.panel : undefined;
  const firstTab = tabs[0]?.id ?? 'move';
  const allowed = (id: string | undefined) => tabs.some((p) => p.id === id);
  const [selected, setSelected] = useState<string>(allowed(requested) ? (requested as string) : firstTab);
  useEffect(() => {
    // Every request counts (the screen object is new each time), even for the tab already shown.
    if (requested) setSelected(requested);
  }, [screen, requested]);
  const shown = allowed(selected) ? selected : firstTab;
  return (
    <>
      <EducatorBar educator={educator} />
      <p className="lead">{t.intro}</p>
      <EducatorTabs label={t.tabsLabel} tabs={tabs} selected={shown} onSelect={setSelected} />
      <AboutApp />
    </>
  );
}
