import { useEffect, useRef } from 'react';
import { AppHeader } from './components/AppHeader';
import { CelebrationDialog } from './components/CelebrationDialog';
import { SaveErrorBanner } from './components/SaveErrorBanner';
import { ActivityScreen } from './features/activity/ActivityScreen';
import { AssessmentWizard } from './features/assessment/AssessmentWizard';
import { EducatorGate } from './features/educator/gate/EducatorGate';
import { PathwayScreen } from './features/pathway/PathwayScreen';
import { LearnerPicker } from './features/picker/LearnerPicker';
import { useIdleSignOut } from './features/sign-in/use-idle-sign-out';
import { ProfileReport } from './features/profile/ProfileReport';
import { ProfileDropZone } from './features/transfer/ProfileDropZone';
import { useMainProcessEvents } from './features/transfer/use-main-events';
import { text } from './i18n';
import { useAppStore } from './store/store-context';

function CurrentScreen() {
  const screen = useAppStore((s) => s.screen);
  const hasProfile = useAppStore((s) => s.profile !== null);
  // Learner screens need an open learner; without one the picker shows.
  if (!hasProfile && screen.name !== 'educator') return <LearnerPicker />;
  switch (screen.name) {
    case 'picker':
      return <LearnerPicker />;
    case 'assessment':
      return <AssessmentWizard />;
    case 'pathway':
      return <PathwayScreen />;
    case 'activity':
      return <ActivityScreen loId={screen.loId} activityId={screen.activityId} />;
    case 'profile':
      return <ProfileReport />;
    case 'educator':
      return <EducatorGate />;
  }
}

export function App() {
  const screen = useAppStore((s) => s.screen);
  const focusRequest = useAppStore((s) => s.focusRequest);
  const mainRef = useRef<HTMLElement>(null);
  const handledFocus = useRef(0);
  useMainProcessEvents();
  useIdleSignOut();
  // Moving between screens puts focus on the new screen's heading, so keyboard and screen-reader
  // users start at the top of what changed; unless something asked for a field (File ▸ New learner).
  useEffect(() => {
    if (focusRequest && focusRequest.seq !== handledFocus.current) {
      handledFocus.current = focusRequest.seq;
      const target = document.getElementById(focusRequest.elementId);
      if (target) {
        target.focus();
        return;
      }
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [screen, focusRequest]);
  return (
    <>
      <a className="skip-link" href="#main">
        {text.common.skipToContent}
      </a>
      <AppHeader />
      <SaveErrorBanner />
      <ProfileDropZone />
      <main id="main" ref={mainRef} className="app-main">
        <CurrentScreen />
      </main>
      <CelebrationDialog />
    </>
  );
}
