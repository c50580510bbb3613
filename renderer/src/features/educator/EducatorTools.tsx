import { text } from '../../i18n';
import { AboutApp } from './AboutApp';
import { EducatorTabs, type TabDefinition } from './EducatorTabs';
import { StatisticsPanel } from './StatisticsPanel';
import { VerifyPanel } from './VerifyPanel';

const t = text.educator;

/**
 * The educator's panels, one component each. Export/import, backup/restore, snapshots and undo
 * of the last import join this list as they are built.
 */
const PANELS: TabDefinition[] = [
  { id: 'statistics', label: t.tabs.statistics, panel: <StatisticsPanel /> },
  { id: 'verify', label: t.tabs.verify, panel: <VerifyPanel /> },
];

/** Educator tools: no learner needs to be open. */
export function EducatorTools() {
  return (
    <div className="educator-tools">
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      <EducatorTabs label={t.tabsLabel} tabs={PANELS} />
      <AboutApp />
    </div>
  );
}
