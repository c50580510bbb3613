import { useRef, useState, type MouseEvent } from 'react';
import type { ClassDetailView } from '../../../../../electron/common/classes';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { ConfirmBox } from '../../transfer/ConfirmBox';
import { ActionStatus } from './ActionStatus';
import { MemberPinForm } from './MemberPinForm';
import { useClassAction } from './use-class-action';

const t = text.educator.classes;

interface Member {
  id: string;
  name: string;
}
type Pending = { kind: 'remove' | 'reset' | 'pin'; member: Member };

/** A row's actions on one learner: take them out of the class, reset or set their sign-in secret. */
function MemberActions(props: { member: Member; pinClass: boolean; busy: boolean; onChoose(kind: Pending['kind'], event: MouseEvent<HTMLButtonElement>): void }) {
  const { member, busy, onChoose } = props;
  return (
    <div className="member-actions">
      {props.pinClass && (
        <button type="button" className="button button-small" aria-label={t.setPinLabel(member.name)} onClick={(e) => onChoose('pin', e)} disabled={busy}>
          {t.setPin}
        </button>
      )}
      <button type="button" className="button button-small" aria-label={t.resetSignInLabel(member.name)} onClick={(e) => onChoose('reset', e)} disabled={busy}>
        {t.resetSignIn}
      </button>
      <button type="button" className="button button-small button-danger" aria-label={t.removeMember(member.name)} onClick={(e) => onChoose('remove', e)} disabled={busy}>
        {t.removeShort}
      </button>
    </div>
  );
}

/** The learners of a class; removing one or resetting their sign-in asks first. */
export function ClassMembers({ klass }: { klass: ClassDetailView }) {
  const learners = useAppStore((s) => s.learners);
  const putEducatorClass = useAppStore((s) => s.putEducatorClass);
  const loadLearners = useAppStore((s) => s.loadLearners);
  const action = useClassAction();
  const [pending, setPending] = useState<Pending | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  // Names come from the picker's list; until it is read, say so rather than "no longer here".
  const nameOf = (id: string) => learners?.find((l) => l.id === id)?.displayName ?? (learners === null ? text.common.loading : t.unknownLearner);
  const members: Member[] = klass.learnerIds.map((id) => ({ id, name: nameOf(id) }));

  const choose = (member: Member) => (kind: Pending['kind'], event: MouseEvent<HTMLButtonElement>) => {
    returnFocus.current = event.currentTarget;
    action.clear();
    setPending({ kind, member });
  };
  const cancel = () => {
    setPending(null);
    requestAnimationFrame(() => returnFocus.current?.focus());
  };
  const settle = () => {
    setPending(null);
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  const remove = ({ id, name }: Member) => {
    settle();
    void action.perform('removeClassMember', { classId: klass.id, learnerId: id }, async (view) => {
      putEducatorClass(view);
      await loadLearners();
      return t.removed(name);
    });
  };
  const reset = ({ id, name }: Member) => {
    settle();
    void action.perform('resetLearnerSecret', { learnerId: id }, () => t.resetDone(name));
  };
  const savePin = ({ id, name }: Member, pin: string) => {
    settle();
    void action.perform('setLearnerSecret', { learnerId: id, secret: { kind: 'pin', pin } }, () => t.pinSaved(name));
  };

  return (
    <section className="class-section" aria-labelledby={`members-${klass.id}`}>
      <h4 id={`members-${klass.id}`}>{t.membersTitle}</h4>
      {members.length === 0 ? (
        <p className="muted">{t.membersNone}</p>
      ) : (
        <table className="data-table">
          <caption>{t.membersCaption(klass.name)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.memberName}</th>
              <th scope="col">{t.memberActions}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <th scope="row" className="break-anywhere">
                  {m.name}
                </th>
                <td>
                  <MemberActions member={m} pinClass={klass.signInMethod === 'pin'} busy={action.busy} onChoose={choose(m)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {members.length > 0 && klass.signInMethod !== 'pin' && <p className="muted">{t.pinOnlyForPinClass}</p>}
      {pending?.kind === 'remove' && (
        <ConfirmBox title={t.removeConfirmTitle(pending.member.name)} confirmLabel={t.removeConfirmYes} onConfirm={() => remove(pending.member)} onCancel={cancel}>
          <p>{t.removeConfirmText}</p>
        </ConfirmBox>
      )}
      {pending?.kind === 'reset' && (
        <ConfirmBox title={t.resetConfirmTitle(pending.member.name)} confirmLabel={t.resetConfirmYes} onConfirm={() => reset(pending.member)} onCancel={cancel}>
          <p>{t.resetConfirmText}</p>
        </ConfirmBox>
      )}
      {pending?.kind === 'pin' && <MemberPinForm learnerName={pending.member.name} busy={action.busy} onSave={(pin) => savePin(pending.member, pin)} onCancel={cancel} />}
      <ActionStatus ref={statusRef} action={action} />
    </section>
  );
}
