import { useRef, useState } from 'react';
import type { SyncRunView } from '../../../../../electron/common/sync/sync-views';
import { DalaCallError } from '../../../api/call';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { ConfirmBox } from '../../transfer/ConfirmBox';
import { ActionStatus } from '../admin/ActionStatus';
import { failureText } from '../admin/failure-text';
import { useAdminAction } from '../admin/use-admin-action';
import { CallStatus } from '../CallStatus';
import { EnrolForm } from './EnrolForm';
import { syncStatusSentence } from './sync-status-text';
import { SyncStatusBox } from './SyncStatusBox';
import { useSyncStatus } from './use-sync-status';
import './hub.css';

const t = text.educator.hub;
type Doing = 'sync' | 'enrol' | 'leave';

/** A storage failure says the panel's own sentence; the others their usual words. */
const failureOf = (own: string) => (error: unknown) => (!(error instanceof DalaCallError) || error.code === 'storage' ? own : failureText(error));

/** A run that did not reach the hub: the call worked, but the teacher is told why nothing moved. */
class HubNotReached extends Error {}

/** What one run came to: the counts when the hub answered, else why not (offline, revoked, refused). */
function runOutcome(run: SyncRunView, now: number): string {
  const reached = run.status.state === 'up_to_date' || run.status.state === 'pending';
  if (!reached) throw new HubNotReached(syncStatusSentence(run.status, now));
  return t.synced(run.pushed, run.pulled);
}

/**
 * The school hub link of this machine. Every educator sees how it is going and can sync now;
 * admins also enrol the machine, or take it out of the hub after being told the data stays.
 */
export function SchoolHubPanel() {
  const isAdmin = useAppStore((s) => s.session?.educator?.role === 'admin');
  const sectionRef = useRef<HTMLElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const leaveRef = useRef<HTMLButtonElement>(null);
  const { call, status, take, now } = useSyncStatus(sectionRef);
  const action = useAdminAction();
  const [doing, setDoing] = useState<Doing>('sync');
  const [confirmingLeave, setConfirmingLeave] = useState(false);
  const enrolled = status !== null && status.state !== 'not_enrolled';

  const syncNow = () => {
    if (action.busy) return;
    setDoing('sync');
    void action.perform(
      async (callChannel) => {
        const run = await callChannel('syncNow', {});
        take(run.status);
        return runOutcome(run, Date.now());
      },
      (error) => (error instanceof HubNotReached ? error.message : failureOf(t.syncFailed)(error)),
    );
  };

  const leave = () => {
    setConfirmingLeave(false);
    setDoing('leave');
    // The confirmation closes: keyboard focus goes to what happens next.
    requestAnimationFrame(() => statusRef.current?.focus());
    void action.perform(async (callChannel) => {
      take(await callChannel('leaveSchoolHub', {}));
      return t.left;
    }, failureOf(t.leaveFailed));
  };

  const cancelLeave = () => {
    setConfirmingLeave(false);
    requestAnimationFrame(() => leaveRef.current?.focus());
  };

  const busyText = doing === 'sync' ? t.syncing : doing === 'enrol' ? t.enrolling : t.leaving;
  const actionStatus = <ActionStatus ref={statusRef} busy={action.busy} busyText={busyText} outcome={action.outcome} />;
  // Under the enrol form while it is there (its errors belong next to its button); here otherwise.
  const statusUnderForm = isAdmin && !enrolled && status !== null && doing === 'enrol';

  return (
    <section ref={sectionRef} className="educator-panel school-hub" aria-labelledby="school-hub-title" aria-busy={call.busy || action.busy}>
      <h2 id="school-hub-title">{t.title}</h2>
      <p>{t.intro}</p>
      <CallStatus busy={call.busy && !status} busyText={t.loading} error={status ? null : call.error} onRetry={call.retry} />
      {status && <SyncStatusBox status={status} now={now} isAdmin={isAdmin} />}
      {enrolled && (
        <button type="button" className="button button-primary" onClick={syncNow} aria-disabled={action.busy || undefined}>
          {t.syncNow}
        </button>
      )}
      {!statusUnderForm && actionStatus}
      {isAdmin && status && !enrolled && (
        <EnrolForm action={action} status={statusUnderForm ? actionStatus : null} onStart={() => setDoing('enrol')} onEnrolled={take} />
      )}
      {isAdmin && enrolled && !confirmingLeave && (
        <button ref={leaveRef} type="button" className="button button-danger" onClick={() => setConfirmingLeave(true)} disabled={action.busy}>
          {t.leave}
        </button>
      )}
      {isAdmin && enrolled && confirmingLeave && (
        <ConfirmBox title={t.leaveTitle} confirmLabel={t.leaveYes} onConfirm={leave} onCancel={cancelLeave}>
          <p>{t.leaveText}</p>
          {status.pending > 0 && <p>{t.leaveWaiting(status.pending)}</p>}
          <p>{t.leaveSafety}</p>
        </ConfirmBox>
      )}
    </section>
  );
}
