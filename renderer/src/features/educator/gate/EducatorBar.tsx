import { useState } from 'react';
import type { SessionView } from '../../../../../electron/common/accounts';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { OwnPasswordForm } from './OwnPasswordForm';

const t = text.educator.gate;

/** Who has unlocked the tools, a Lock button for leaving the machine, and their own password. */
export function EducatorBar({ educator }: { educator: NonNullable<SessionView['educator']> }) {
  const lockEducator = useAppStore((s) => s.lockEducator);
  const [lockFailed, setLockFailed] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const lock = async () => {
    setLockFailed(false);
    const locked = await lockEducator('locked');
    if (!locked) setLockFailed(true);
  };
  return (
    <div className="educator-bar">
      <p className="educator-bar-who">{t.signedInAs(educator.displayName, t.roles[educator.role])}</p>
      <button type="button" className="button" aria-expanded={changingPassword} onClick={() => setChangingPassword((v) => !v)}>
        {changingPassword ? t.closeChangePassword : t.changeMyPassword}
      </button>
      <button type="button" className="button button-primary" onClick={() => void lock()}>
        {t.lockButton}
      </button>
      {lockFailed && (
        <p className="field-error" role="alert">
          {t.lockFailed}
        </p>
      )}
      {changingPassword && <OwnPasswordForm onDone={() => setChangingPassword(false)} />}
    </div>
  );
}
