import { useEffect, useState } from 'react';
import { DROP_FILE_ICON } from '../../../../electron/common/content/icons';
import { ContentIcon } from '../../components/ContentIcon';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import { hasProfileExtension } from './file-kinds';

const t = text.transfer;

const carriesFiles = (event: DragEvent): boolean => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/**
 * A .dalaprofile dragged anywhere onto the window is imported: while a file is dragged over the
 * window an overlay says so; dropping it hands the file to the import panel, which sends it to the
 * main process (with its progress) and previews it. Other drags (text inside the page) are left
 * alone, and a dropped file never makes the window navigate.
 */
export function ProfileDropZone() {
  const importProfileFile = useAppStore((s) => s.importProfileFile);
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    // dragenter and dragleave fire for every element passed over: count them.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      // Only the name is checked here: the main process reads the file and says what is wrong with it.
      const isProfile = hasProfileExtension(file.name);
      setProblem(isProfile ? null : t.notAFile(file.name));
      if (isProfile) importProfileFile({ kind: 'dropped', file });
    };
    const listeners = { dragenter: onEnter, dragover: onOver, dragleave: onLeave, drop: onDrop } as const;
    for (const [name, listener] of Object.entries(listeners)) window.addEventListener(name, listener as EventListener);
    return () => {
      for (const [name, listener] of Object.entries(listeners)) window.removeEventListener(name, listener as EventListener);
    };
  }, [importProfileFile]);

  return (
    <>
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay">
          <p className="drop-overlay-text">
            <ContentIcon icon={DROP_FILE_ICON} alt="" size={32} />
            {t.dropHint}
          </p>
        </div>
      )}
      {problem && (
        <div className="banner banner-error" role="alert">
          <p>{problem}</p>
          <button type="button" className="button" onClick={() => setProblem(null)}>
            {text.common.dismiss}
          </button>
        </div>
      )}
    </>
  );
}
