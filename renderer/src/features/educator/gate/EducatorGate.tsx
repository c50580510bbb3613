import { useEffect, useState } from 'react';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import './gate.css';
import { EducatorTools } from '../EducatorTools';
import { FirstAdminForm } from './FirstAdminForm';
import { UnlockForm } from './UnlockForm';
import { useIdleEducatorLock } from './use-idle-educator-lock';

const t = text.educator.gate;

/**
 * The lock in front of Educator tools. What shows is what the main process says: the first admin's
 * setup on a machine with no educator, the unlock form when nobody is unlocked, the tools otherwise.
 * Hiding is only for the eye: every channel behind it is checked in the main process too.
 */
export function EducatorGate() {
  const session = useAppStore((s) => s.session);
  const refreshSession = useAppStore((s) => s.refreshSession);
  const [checked, setChecked] = useState<'checking' | 'done' | 'failed'>('checking');
  useIdleEducatorLock();

  const check = () => {
    setChecked('checking');
    void refreshSession().then((answer) => setChecked(answer ? 'done' : 'failed'));
  };
  // Asked again each time the tools open: another window or the CLI may have changed accounts.
  useEffect(check, [refreshSession]);

  if (checked === 'failed' && !session) {
    return (
      <div className="banner banner-error" role="alert">
        <p>{t.checkFailed}</p>
        <button type="button" className="button" onClick={check}>
          {text.educator.retry}
        </button>
      </div>
    );
  }
  if (!session) return <p role="status">{t.checking}</p>;
  const body = session.setupNeeded ? <FirstAdminForm /> : session.educator ? <EducatorTools educator={session.educator} /> : <UnlockForm />;
  return (
    <div className="educator-tools">
      <h1>{text.educator.title}</h1>
      {body}
    </div>
  );
}
