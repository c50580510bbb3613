import { useEffect, useRef, useState } from 'react';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';

const t = text.activity;

/**
 * "Leave activity": with nothing done yet it simply goes back; otherwise it asks first, because
 * leaving records what was done so far as an unfinished attempt.
 */
export function LeaveActivity({ nothingDone, onLeave }: { nothingDone: boolean; onLeave: () => void }) {
  const goTo = useAppStore((s) => s.goTo);
  const [asking, setAsking] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const leaveRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) questionRef.current?.focus();
    else if (wasAsking.current) leaveRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <div className="leave-activity">
        <button ref={leaveRef} type="button" className="button" onClick={() => (nothingDone ? goTo({ name: 'pathway' }) : setAsking(true))}>
          {t.leave}
        </button>
      </div>
    );
  }
  return (
    <div className="leave-activity leave-confirm" role="group" aria-label={t.leave}>
      <p ref={questionRef} tabIndex={-1}>
        {t.leaveQuestion}
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={onLeave}>
          {t.leaveConfirm}
        </button>
        <button type="button" className="button button-primary" onClick={() => setAsking(false)}>
          {t.leaveCancel}
        </button>
      </div>
    </div>
  );
}
