import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { enrolInSchoolHubInput, type SyncStatusView } from '../../../../../electron/common/sync/sync-views';
import { DalaCallError } from '../../../api/call';
import { text } from '../../../i18n';
import { failureText } from '../admin/failure-text';
import type { AdminAction } from '../admin/use-admin-action';
import { FormField } from '../gate/FormField';

const t = text.educator.hub;

/** The hub's own rule for codes (hub-protocol.ts's enrolmentCodeSchema), checked here before asking it. */
const CODE_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

type Field = 'hubUrl' | 'code' | 'machineName';
type Problems = Partial<Record<Field, string>>;

interface Draft {
  hubUrl: string;
  code: string;
  machineName: string;
}

/** What is wrong with the form, field by field, in words an admin can fix. */
export function enrolProblems(draft: Draft): Problems {
  const problems: Problems = {};
  const hubUrl = draft.hubUrl.trim();
  if (!hubUrl) problems.hubUrl = t.hubUrlMissing;
  else if (!enrolInSchoolHubInput.shape.hubUrl.safeParse(hubUrl).success) problems.hubUrl = t.hubUrlInvalid;
  const code = draft.code.trim();
  if (!code) problems.code = t.codeMissing;
  else if (!CODE_PATTERN.test(code)) problems.code = t.codeInvalid;
  if (draft.machineName.trim().length > 100) problems.machineName = t.machineNameTooLong;
  return problems;
}

/**
 * A refusal from the main process, on the field it is about when it names one (no hub at that
 * address, a code the hub does not know), else as the form's message. The sync handlers' sentences
 * are written for teachers (database/sync/enrolment.ts), so they are shown as they are.
 */
function refusal(error: unknown): { field?: Field; message: string } {
  if (!(error instanceof DalaCallError)) return { message: t.enrolFailed };
  const own = error.message.trim();
  const field = error.field === 'hubUrl' || error.field === 'code' || error.field === 'machineName' ? error.field : undefined;
  if (own && (error.code === 'not_found' || error.code === 'invalid_input' || error.code === 'conflict')) return { field, message: own };
  return { message: error.code === 'storage' ? t.enrolFailed : failureText(error) };
}

/**
 * Enrolling this machine in a school hub (admins): address, one-time code, and a name for the hub's
 * list. `action` is the panel's, so that the result outlives the form (which goes once enrolled);
 * `status` is its status line, shown under the button while the form is there.
 */
export function EnrolForm(props: { action: AdminAction; status: ReactNode; onStart(): void; onEnrolled(status: SyncStatusView): void }) {
  const { action, status, onStart, onEnrolled } = props;
  const [problems, setProblems] = useState<Problems>({});
  const headingId = useId();
  const refs = { hubUrl: useRef<HTMLInputElement>(null), code: useRef<HTMLInputElement>(null), machineName: useRef<HTMLInputElement>(null) };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (action.busy) return;
    onStart();
    const draft: Draft = { hubUrl: refs.hubUrl.current?.value ?? '', code: refs.code.current?.value ?? '', machineName: refs.machineName.current?.value ?? '' };
    const found = enrolProblems(draft);
    setProblems(found);
    const first = (['hubUrl', 'code', 'machineName'] as const).find((f) => found[f]);
    if (first) {
      refs[first].current?.focus();
      action.show({ ok: false, message: t.notEnrolledAgain });
      return;
    }
    const machineName = draft.machineName.trim();
    let fieldProblem: { field?: Field; message: string } | undefined;
    await action.perform(
      async (call) => {
        const joined = await call('enrolInSchoolHub', { hubUrl: draft.hubUrl.trim(), code: draft.code.trim(), ...(machineName ? { machineName } : {}) });
        onEnrolled(joined);
        return t.enrolled(joined.schoolName ?? joined.hub ?? '');
      },
      (error) => {
        fieldProblem = refusal(error);
        return `${fieldProblem.message} ${t.notEnrolledAgain}`;
      },
    );
    if (fieldProblem?.field) {
      const { field, message } = fieldProblem;
      setProblems({ [field]: message });
      refs[field].current?.focus();
    }
  };

  return (
    <section className="admin-subsection" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.enrolTitle}</h3>
      <p>{t.enrolIntro}</p>
      <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate>
        <FormField ref={refs.hubUrl} name="hubUrl" label={t.hubUrlLabel} hint={t.hubUrlHint} error={problems.hubUrl} type="text" inputMode="url" autoComplete="url" spellCheck={false} required />
        <FormField ref={refs.code} name="code" label={t.codeLabel} hint={t.codeHint} error={problems.code} autoComplete="off" autoCapitalize="characters" spellCheck={false} required />
        <FormField ref={refs.machineName} name="machineName" label={t.machineNameLabel} hint={t.machineNameHint} error={problems.machineName} autoComplete="off" maxLength={120} />
        <button type="submit" className="button button-primary" aria-disabled={action.busy || undefined}>
          {t.enrol}
        </button>
      </form>
      {status}
    </section>
  );
}
