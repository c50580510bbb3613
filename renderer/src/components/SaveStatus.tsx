import { text } from '../i18n';
import { useAppStore } from '../store/store-context';

/** "Saving…" / "Saved" for every change, announced politely to screen readers. */
export function SaveStatus() {
  const status = useAppStore((s) => s.saveStatus);
  const label = status.state === 'saving' ? text.common.saving : status.state === 'saved' ? `✓ ${text.common.saved}` : '';
  return (
    <p className="save-status" role="status" aria-live="polite" data-state={status.state}>
      {label}
    </p>
  );
}
