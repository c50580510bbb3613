import { useEffect } from 'react';
import type { MenuCommand } from '../../../../electron/common/contract';
import { resolveDalaEvents } from '../../api/dala';
import { NEW_LEARNER_FIELD_ID, type EducatorPanelId } from '../../store/navigation-slice';
import { useAppStore } from '../../store/store-context';

const PANEL_OF: Partial<Record<MenuCommand, EducatorPanelId>> = {
  importProfile: 'move',
  exportProfile: 'move',
  backup: 'backup',
  restore: 'backup',
};

/**
 * Listens to what the main process sends (Electron only; the browser host has no menu): menu
 * commands open the matching screen, and a .dalaprofile opened by the OS starts its import preview.
 * Payloads are checked here as well, because the window trusts nothing it did not make.
 */
export function useMainProcessEvents(): void {
  const goTo = useAppStore((s) => s.goTo);
  const openEducatorPanel = useAppStore((s) => s.openEducatorPanel);
  const importProfileFile = useAppStore((s) => s.importProfileFile);
  const leaveLearner = useAppStore((s) => s.leaveLearner);
  const requestFocus = useAppStore((s) => s.requestFocus);

  useEffect(() => {
    const events = resolveDalaEvents();
    if (!events) return;
    const offMenu = events.onMenuCommand((command) => {
      if (command === 'newLearner') {
        leaveLearner();
        requestFocus(NEW_LEARNER_FIELD_ID);
      } else if (command === 'educatorTools') goTo({ name: 'educator' });
      else {
        const panel = PANEL_OF[command];
        if (panel) openEducatorPanel(panel);
      }
    });
    const offFile = events.onProfileFileOpened((payload) => {
      if (typeof payload?.fileId !== 'string' || typeof payload.fileName !== 'string') return;
      // The main process holds it by this id; a protected one asks for its passphrase in the panel.
      importProfileFile({ kind: 'opened', fileId: payload.fileId, fileName: payload.fileName });
    });
    return () => {
      offMenu();
      offFile();
    };
  }, [goTo, openEducatorPanel, importProfileFile, leaveLearner, requestFocus]);
}
