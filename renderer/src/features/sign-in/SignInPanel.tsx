import { useEffect, useRef, useState, type FormEvent } from 'react';
import { PICTURE_PASSWORD_LENGTH, type LearnerSecret, type SignInMethod, type SignInPictureId } from '../../../../electron/common/accounts';
import { text } from '../../i18n';
import type { SignInRequest } from '../../store/sign-in-slice';
import { useAppStore } from '../../store/store-context';
import { learnerTileId } from '../picker/picker-groups';
import { PicturePad } from './PicturePad';
import { PIN_LENGTH, PinPad } from './PinPad';
import { useSecondsLeft } from './use-seconds-left';
import './sign-in.css';

/** 'enter' a secret the learner has; the first time, 'choose' one and 'confirm' it by entering it again. */
type Phase = 'enter' | 'choose' | 'confirm';

const secretText = (s: LearnerSecret): string => (s.kind === 'pin' ? s.pin : s.pictures.join(','));

function padWords(method: Exclude<SignInMethod, 'none'>, phase: Phase): { label: string; hint: string } {
  const t = method === 'pin' ? text.signIn.pin : text.signIn.picture;
  if (phase === 'choose') return { label: t.chooseLabel, hint: t.chooseHint };
  if (phase === 'confirm') return { label: t.confirmLabel, hint: t.confirmHint };
  return { label: t.enterLabel, hint: t.enterHint };
}

/** After picking their name: the PIN pad or the pictures, as the learner's class asks. */
export function SignInPanel({ request }: { request: SignInRequest }) {
  const submitSecret = useAppStore((s) => s.submitSecret);
  const cancelSignIn = useAppStore((s) => s.cancelSignIn);
  const requestFocus = useAppStore((s) => s.requestFocus);
  const method = request.method === 'picture' ? 'picture' : 'pin';
  const [phase, setPhase] = useState<Phase>(request.secretSet ? 'enter' : 'choose');
  const [pin, setPin] = useState('');
  const [pictures, setPictures] = useState<SignInPictureId[]>([]);
  const [chosen, setChosen] = useState<LearnerSecret | null>(null);
  // A counter with the problem, so the same message twice is announced twice.
  const [problem, setProblem] = useState<{ message: string; seq: number } | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);
  const pictureRef = useRef<HTMLButtonElement>(null);
  const secondsLeft = useSecondsLeft(request.lockedUntil);
  const locked = secondsLeft > 0;
  const wasLocked = useRef(false);

  const focusPad = () => (method === 'pin' ? pinRef.current : pictureRef.current)?.focus();
  const showProblem = (message: string | null) => setProblem((p) => (message === null ? null : { message, seq: (p?.seq ?? 0) + 1 }));
  const clear = () => {
    setPin('');
    setPictures([]);
  };

  // Shown: straight into the pad, so a learner can type their PIN at once.
  useEffect(() => {
    (method === 'pin' ? pinRef.current : pictureRef.current)?.focus();
  }, [method, request.learnerId]);

  useEffect(() => {
    if (locked) wasLocked.current = true;
    else if (wasLocked.current) {
      wasLocked.current = false;
      setNote(text.signIn.unlocked);
    }
  }, [locked]);

  const entered = (): LearnerSecret | null => {
    if (method === 'pin') return pin.length === PIN_LENGTH ? { kind: 'pin', pin } : null;
    return pictures.length === PICTURE_PASSWORD_LENGTH ? { kind: 'picture', pictures } : null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (locked || busy) return;
    const secret = entered();
    if (!secret) {
      showProblem(method === 'pin' ? text.signIn.pin.needFour : text.signIn.picture.needThree);
      focusPad();
      return;
    }
    if (phase === 'choose' || (phase === 'confirm' && (!chosen || secretText(chosen) !== secretText(secret)))) {
      const again = phase === 'choose';
      setChosen(again ? secret : null);
      setPhase(again ? 'confirm' : 'choose');
      clear();
      showProblem(again ? null : method === 'pin' ? text.signIn.pin.mismatch : text.signIn.picture.mismatch);
      if (again) setNote(padWords(method, 'confirm').label);
      focusPad();
      return;
    }
    setBusy(true);
    showProblem(null);
    setNote(text.signIn.checking);
    const outcome = await submitSecret(secret);
    if (outcome.kind === 'signedIn') return;
    setBusy(false);
    setNote('');
    if (outcome.kind === 'wrong') {
      clear();
      showProblem(method === 'pin' ? text.signIn.pin.wrong : text.signIn.picture.wrong);
    } else if (outcome.kind === 'lockedOut') {
      clear();
      setNote(text.signIn.lockedOut(outcome.seconds));
    } else showProblem(text.signIn.failed);
    focusPad();
  };

  const cancel = () => {
    cancelSignIn();
    requestFocus(learnerTileId(request.learnerId));
  };

  const { label, hint } = padWords(method, phase);
  const waiting = locked || busy;
  return (
    <div className="sign-in">
      <h1>{text.signIn.hello(request.displayName)}</h1>
      {phase !== 'enter' && (
        <div className="sign-in-first">
          <p>{text.signIn.firstTime}</p>
          <p>
            <strong>{text.signIn.remember}</strong>
          </p>
        </div>
      )}
      <form className="sign-in-form" onSubmit={submit} noValidate>
        {method === 'pin' ? (
          <PinPad ref={pinRef} value={pin} onChange={(value, viaButton) => {
              setPin(value);
              if (viaButton) setNote(text.signIn.pin.typed(value.length));
            }} label={label} hint={hint} disabled={waiting} />
        ) : (
          <PicturePad ref={pictureRef} value={pictures} onChange={(value, said) => {
              setPictures(value);
              setNote(said);
            }} onNote={setNote} label={label} hint={hint} disabled={waiting} />
        )}
        {problem && (
          <p key={problem.seq} className="field-error sign-in-problem" role="alert">
            {problem.message}
          </p>
        )}
        {locked && <p className="sign-in-lockout">{text.signIn.lockedOut(secondsLeft)}</p>}
        <button type="submit" className="button button-primary button-go" aria-disabled={waiting || undefined}>
          {busy ? text.signIn.checking : phase === 'choose' ? text.signIn.next : text.signIn.go}
        </button>
      </form>
      <p className="visually-hidden" role="status">
        {note}
      </p>
      <button type="button" className="button" onClick={cancel}>
        {text.signIn.notMe}
      </button>
    </div>
  );
}
