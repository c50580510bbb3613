import { useEffect, useRef, useState } from 'react';
import { text } from '../../../i18n';
import { useAppStore } from '../../../store/store-context';
import { CallStatus } from '../CallStatus';
import { useChannelCall } from '../use-channel-call';
import { EducatorTable } from './EducatorTable';
import { ManageEducator } from './ManageEducator';
import { NewEducatorForm } from './NewEducatorForm';
import './admin.css';

const t = text.educator.admin.educators;

/** Educator accounts: the list, a new one, and for each: name, role, password, switched off, classes. */
export function EducatorsPanel() {
  const list = useChannelCall('listEducators');
  const classes = useChannelCall('listClasses');
  const ownId = useAppStore((s) => s.session?.educator?.id);
  // A restore brings back other accounts; the classes panel makes and renames classes.
  const dataVersion = useAppStore((s) => s.dataVersion);
  const educatorClasses = useAppStore((s) => s.educatorClasses);
  const [managing, setManaging] = useState<string | null>(null);
  const manageButtons = useRef(new Map<string, HTMLButtonElement>());
  const { run: readList } = list;
  const { run: readClasses } = classes;

  useEffect(() => {
    void readList({});
  }, [readList, dataVersion]);
  useEffect(() => {
    void readClasses({});
  }, [readClasses, dataVersion, educatorClasses]);

  const educators = list.value;
  const managed = educators?.find((e) => e.id === managing);
  const reload = () => void readList({});
  const close = () => {
    const button = managing ? manageButtons.current.get(managing) : undefined;
    setManaging(null);
    requestAnimationFrame(() => button?.focus());
  };

  return (
    <section className="educator-panel" aria-labelledby="educators-title" aria-busy={list.busy}>
      <h2 id="educators-title">{t.title}</h2>
      <p>{t.intro}</p>
      {/* A reload after a change keeps the table: only the first read says "Loading". */}
      <CallStatus busy={list.busy && !educators} busyText={t.loading} error={list.error} onRetry={list.retry} />
      {/* Without the classes the table and the class choices would look empty: say so. */}
      {classes.error && <CallStatus busy={false} busyText={t.loading} error={classes.error} onRetry={classes.retry} />}
      {educators && (
        <EducatorTable
          educators={educators}
          classes={classes.value ?? []}
          ownId={ownId}
          managing={managing}
          onManage={(id) => (id === managing ? close() : setManaging(id))}
          buttonRef={(id, button) => {
            if (button) manageButtons.current.set(id, button);
            else manageButtons.current.delete(id);
          }}
        />
      )}
      {managed && <ManageEducator key={managed.id} educator={managed} classes={classes.value ?? []} isSelf={managed.id === ownId} onChanged={reload} onClose={close} />}
      <NewEducatorForm onCreated={reload} />
    </section>
  );
}
