import type { ClassView, LearnerNameView } from '../../../../electron/common/classes';
import { text } from '../../i18n';
import { NO_CLASS } from '../../store/sign-in-slice';
import { useAppStore } from '../../store/store-context';
import { SignInPanel } from '../sign-in/SignInPanel';
import { ClassTiles } from './ClassTiles';
import { CreateLearnerForm } from './CreateLearnerForm';
import { NameList } from './NameList';
import { classTileId, hasLearnersInNoClass, learnersOf, NAMES_TITLE_ID, openGroup } from './picker-groups';
import { SignedOutNotice } from './SignedOutNotice';
import './picker.css';

/** Whether this window may make a new profile: while the machine lets pupils sign up, or for an educator. */
function useCanSignUp(): boolean {
  return useAppStore((s) => s.session === null || s.session.learnerSelfSignUp || s.session.educator !== null);
}

/** One class's names (or those in no class), with the way back to the classes. */
function ClassNames({ groupId, classes, learners }: { groupId: string; classes: readonly ClassView[]; learners: readonly LearnerNameView[] }) {
  const chooseLearner = useAppStore((s) => s.chooseLearner);
  const choosePickerClass = useAppStore((s) => s.choosePickerClass);
  const requestFocus = useAppStore((s) => s.requestFocus);
  const canSignUp = useCanSignUp();
  const className = groupId === NO_CLASS ? null : (classes.find((c) => c.id === groupId)?.name ?? null);
  const title = className ?? text.picker.noClassTile;
  const names = learnersOf(groupId, classes, learners);
  const back = () => {
    choosePickerClass(null);
    requestFocus(classTileId(groupId));
  };
  return (
    <>
      <button type="button" className="button picker-back" onClick={back}>
        {text.picker.backToClasses}
      </button>
      {names.length > 0 ? (
        <NameList learners={names} title={title} titleId={NAMES_TITLE_ID} titleHidden={false} onChoose={(id) => void chooseLearner(id)} />
      ) : (
        <section aria-labelledby={NAMES_TITLE_ID}>
          <h2 id={NAMES_TITLE_ID} tabIndex={-1}>
            {title}
          </h2>
          <p>{text.picker.noNamesInClass}</p>
        </section>
      )}
      {canSignUp && <CreateLearnerForm classId={groupId === NO_CLASS ? undefined : groupId} className={className} />}
    </>
  );
}

/** The classes, then a class's names; or, on a machine without classes, every name at once. */
function PickerDirectory({ classes, learners }: { classes: readonly ClassView[]; learners: readonly LearnerNameView[] }) {
  const chooseLearner = useAppStore((s) => s.chooseLearner);
  const pickerClassId = useAppStore((s) => s.pickerClassId);
  const choosePickerClass = useAppStore((s) => s.choosePickerClass);
  const requestFocus = useAppStore((s) => s.requestFocus);
  const canSignUp = useCanSignUp();
  if (classes.length === 0) {
    return (
      <>
        <p className="lead">{canSignUp ? text.picker.intro : text.picker.introNoSignUp}</p>
        {learners.length === 0 ? (
          <p>{canSignUp ? text.picker.noLearners : text.picker.noLearnersNoSignUp}</p>
        ) : (
          <NameList learners={learners} title={text.picker.listLabel} titleId="learner-list-title" titleHidden onChoose={(id) => void chooseLearner(id)} />
        )}
        {canSignUp && <CreateLearnerForm className={null} />}
      </>
    );
  }
  const group = openGroup(pickerClassId, classes, learners);
  if (group !== null) return <ClassNames groupId={group} classes={classes} learners={learners} />;
  const chooseClass = (groupId: string) => {
    choosePickerClass(groupId);
    requestFocus(NAMES_TITLE_ID);
  };
  return (
    <>
      <p className="lead">{text.picker.introClasses}</p>
      <ClassTiles classes={classes} withNoClassTile={hasLearnersInNoClass(classes, learners)} onChoose={chooseClass} />
      {canSignUp && <p className="muted">{text.picker.newPickClassFirst}</p>}
    </>
  );
}

/** "Who is learning today?": pick your class and your name, then sign in as the class asks. */
export function LearnerPicker() {
  const signIn = useAppStore((s) => s.signIn);
  const learners = useAppStore((s) => s.learners);
  const classes = useAppStore((s) => s.classes);
  const learnersError = useAppStore((s) => s.learnersError);
  const signInFailed = useAppStore((s) => s.signInFailed);
  const loadLearners = useAppStore((s) => s.loadLearners);
  const canSignUp = useCanSignUp();
  if (signIn) return <SignInPanel request={signIn} />;
  return (
    <div className="picker">
      <h1>{text.picker.title}</h1>
      <SignedOutNotice />
      {learnersError && (
        <div className="banner banner-error" role="alert">
          <p>{text.picker.loadFailed}</p>
          <button type="button" className="button" onClick={() => void loadLearners()}>
            {text.common.retry}
          </button>
        </div>
      )}
      {signInFailed && (
        <p className="field-error" role="alert">
          {text.picker.signInFailed}
        </p>
      )}
      {learners !== null && classes !== null ? (
        <PickerDirectory classes={classes} learners={learners} />
      ) : (
        <>
          {!learnersError && <p role="status">{text.common.loading}</p>}
          {/* Already there while the names load, so File ▸ New learner finds its field at once. */}
          {canSignUp && <CreateLearnerForm className={null} />}
        </>
      )}
    </div>
  );
}
