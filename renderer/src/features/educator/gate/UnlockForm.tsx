import { useEffect, useRef, useState, type FormEvent } from 'react';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { useSecondsLeft } from '../../sign-in/use-seconds-left';
import { collectProblems, type FieldProblems } from './account-checks';
import { FormField } from './FormField';

const t = text.educator.gate;
type Field = 'username' | 'password';

/** Username and password; after too many wrong tries, a countdown until the next try is checked. */
export function UnlockForm() {
  const unlockEducator = useAppStore((s) => s.unlockEducator);
  const notice = useAppStore((s) => s.educatorNotice);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<FieldProblems<Field>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const secondsLeft = useSecondsLeft(lockedUntil);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const waiting = lockedUntil !== null && secondsLeft > 0;

  useEffect(() => {
    usernameRef.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || waiting) return;
    setFailure(null);
    const found = collectProblems<Field>([
      ['username', username.trim() === '' ? t.usernameMissing : null],
      ['password', password === '' ? t.passwordMissing : null],
    ]);
    setProblems(found);
    if (found.username) return usernameRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();
    setBusy(true);
    const outcome = await unlockEducator(username.trim(), password);
    if (outcome.kind === 'unlocked') return;
    setBusy(false);
    // A wrong password is never kept in the field: the next try starts clean.
    setPassword('');
    if (outcome.kind === 'wrong') {
      setFailure(outcome.message);
      passwordRef.current?.focus();
    } else if (outcome.kind === 'lockedOut') {
      setLockedUntil(outcome.until);
    } else {
      setFailure(outcome.code === 'storage' ? t.failed : outcome.message);
    }
  };

  return (
    <section className="card gate-card" aria-labelledby="unlock-title">
      <h2 id="unlock-title">{t.unlockTitle}</h2>
      {notice && (
        <p className="banner banner-info" role="status">
          {t.notices[notice]}
        </p>
      )}
      <p>{t.unlockIntro}</p>
      <form className="gate-form" onSubmit={(e) => void submit(e)} noValidate>
        <FormField ref={usernameRef} label={t.username} error={problems.username} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoCapitalize="none" spellCheck={false} />
        <FormField ref={passwordRef} type="password" label={t.password} error={problems.password} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
        {failure && (
          <p className="field-error" role="alert">
            {failure}
          </p>
        )}
        {lockedUntil !== null && (
          <p className="banner banner-warning" role="status" aria-live="polite">
            {waiting ? t.lockedOut(secondsLeft) : t.tryAgainNow}
          </p>
        )}
        <button type="submit" className="button button-primary" aria-disabled={busy || waiting || undefined}>
          {busy ? t.unlocking : t.unlockButton}
        </button>
      </form>
    </section>
  );
}
