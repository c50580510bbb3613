import { text } from '../i18n';
import type { Screen } from '../store/navigation-slice';
import { useAppStore } from '../store/store-context';
import { ContentIcon } from './ContentIcon';
import { APP_ICON } from './icon-sources';
import { SaveStatus } from './SaveStatus';

const LEARNER_NAV: Array<{ screen: Screen['name']; label: string }> = [
  { screen: 'pathway', label: text.common.navPathway },
  { screen: 'assessment', label: text.common.navAssessment },
  { screen: 'profile', label: text.common.navProfile },
];

export function AppHeader() {
  const profile = useAppStore((s) => s.profile);
  const screen = useAppStore((s) => s.screen);
  const goTo = useAppStore((s) => s.goTo);
  const leaveLearner = useAppStore((s) => s.leaveLearner);
  const cancelSignIn = useAppStore((s) => s.cancelSignIn);
  const current = (name: Screen['name']) => (screen.name === name || (name === 'pathway' && screen.name === 'activity') ? 'page' : undefined);
  return (
    <header className="app-header">
      <p className="app-title">
        <ContentIcon icon={APP_ICON} alt="" size={28} />
        {text.common.appName}
      </p>
      <nav aria-label={text.common.navLabel}>
        <ul className="nav-list">
          {profile &&
            LEARNER_NAV.map((item) => (
              <li key={item.screen}>
                <button type="button" className="nav-button" aria-current={current(item.screen)} onClick={() => goTo({ name: item.screen } as Screen)}>
                  {item.label}
                </button>
              </li>
            ))}
          {!profile && (
            <li>
              <button
                type="button"
                className="nav-button"
                aria-current={current('picker')}
                onClick={() => {
                  // Back to the names, also from a half-typed PIN.
                  cancelSignIn();
                  goTo({ name: 'picker' });
                }}
              >
                {text.common.navLearners}
              </button>
            </li>
          )}
          <li>
            <button type="button" className="nav-button" aria-current={current('educator')} onClick={() => goTo({ name: 'educator' })}>
              {text.common.navEducator}
            </button>
          </li>
          {profile && (
            <li>
              <button type="button" className="nav-button" onClick={leaveLearner}>
                {text.common.switchLearner}
              </button>
            </li>
          )}
        </ul>
      </nav>
      {profile && <p className="learner-name">{text.common.signedInAs(profile.profile.displayName)}</p>}
      <SaveStatus />
    </header>
  );
}
