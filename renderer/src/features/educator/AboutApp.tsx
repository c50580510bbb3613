import { useEffect } from 'react';
import { text } from '../../i18n';
import { CallStatus } from './CallStatus';
import { useChannelCall } from './use-channel-call';

const t = text.educator;

/** App and database versions: what IT support asks for first. */
export function AboutApp() {
  const info = useChannelCall('getAppInfo');
  const { run } = info;
  useEffect(() => {
    void run({});
  }, [run]);
  return (
    <section className="card about-app" aria-labelledby="about-app-title" aria-busy={info.busy}>
      <h2 id="about-app-title">{t.aboutTitle}</h2>
      <CallStatus busy={info.busy} busyText={t.working} error={info.error} onRetry={info.retry} />
      {info.value && (
        <dl className="about-list">
          <div>
            <dt>{t.appVersion}</dt>
            <dd>{info.value.appVersion}</dd>
          </div>
          <div>
            <dt>{t.schemaVersion}</dt>
            <dd>{info.value.schemaVersion}</dd>
          </div>
          <div>
            <dt>{t.shell}</dt>
            <dd>{t.shells[info.value.shell]}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
