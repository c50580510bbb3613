import { useEffect, useRef } from 'react';
import { text } from '../i18n';
import { useAppStore } from '../store/store-context';

/** Shown when a save failed: a message a student understands and a way to try again. */
export function SaveErrorBanner() {
  const status = useAppStore((s) => s.saveStatus);
  const dismiss = useAppStore((s) => s.dismissSaveError);
  const retryRef = useRef<HTMLButtonElement>(null);
  const failed = status.state === 'failed';
  useEffect(() => {
    if (failed) retryRef.current?.focus();
  }, [failed]);
  if (status.state !== 'failed') return null;
  return (
    <div className="banner banner-error" role="alert">
      <p>
        <strong>{text.common.saveFailedTitle}.</strong> {text.common.saveErrors[status.code]}
      </p>
      <div className="banner-actions">
        <button ref={retryRef} type="button" className="button button-primary" onClick={() => void status.retry()}>
          {text.common.retry}
        </button>
        <button type="button" className="button" onClick={dismiss}>
          {text.common.dismiss}
        </button>
      </div>
    </div>
  );
}
