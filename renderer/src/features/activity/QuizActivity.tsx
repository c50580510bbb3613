import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { HINT_ICON, STAR_ICON } from '../../../../electron/common/content/icons';
import { ContentIcon } from '../../components/ContentIcon';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import { ActivityResult } from './ActivityResult';
import { LeaveActivity } from './LeaveActivity';
import { elapsedMs, quizScore } from './scoring';
import type { ActivityContext, QuizContent } from './types';
import { useAttemptRecorder } from './use-attempt-recorder';

const t = text.activity;

type Answer = { questionId: string; chosen: string; correct: boolean };

/** A quiz: one question at a time, checked with friendly feedback; the attempt is recorded at the end. */
export function QuizActivity({ activity, ...context }: ActivityContext & { activity: QuizContent }) {
  const { loId, objectiveTitle, masteryThreshold, onTryAgain } = context;
  const goTo = useAppStore((s) => s.goTo);
  const recorder = useAttemptRecorder(loId, activity.id, 'quiz');
  const startedAt = useRef(Date.now());
  const [index, setIndex] = useState(0);
  const [chosen, setChosen] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Answer[]>([]);
  const [hint, setHint] = useState(false);
  const [phase, setPhase] = useState<'playing' | 'finished' | 'left'>('playing');
  const questionRef = useRef<HTMLHeadingElement>(null);
  const feedbackRef = useRef<HTMLParagraphElement>(null);
  const hintId = useId();

  const question = activity.questions[index];
  const total = activity.questions.length;
  const answered = answers.find((a) => a.questionId === question?.id) ?? null;
  const correctCount = answers.filter((a) => a.correct).length;
  const payload = (completed: boolean) => ({
    score: quizScore(correctCount, total),
    completed,
    attemptDetails: { answers, time_ms: elapsedMs(startedAt.current) },
  });

  useEffect(() => {
    if (index > 0) questionRef.current?.focus();
  }, [index]);
  useEffect(() => {
    if (answered) feedbackRef.current?.focus();
  }, [answered]);

  if (phase !== 'playing' || !question) {
    return (
      <ActivityResult
        loId={loId}
        objectiveTitle={objectiveTitle}
        masteryThreshold={masteryThreshold}
        finished={phase !== 'left'}
        summary={t.quizScore(correctCount, total)}
        score={quizScore(correctCount, total)}
        save={recorder.status}
        onRetrySave={() => void recorder.retry()}
        onTryAgain={onTryAgain}
      />
    );
  }

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (answered) return;
    if (chosen === null) {
      setHint(true);
      return;
    }
    setHint(false);
    setAnswers([...answers, { questionId: question.id, chosen, correct: chosen === question.answer }]);
  };
  const next = () => {
    if (index + 1 < total) {
      setIndex(index + 1);
      setChosen(null);
      return;
    }
    setPhase('finished');
    void recorder.save(payload(true));
  };
  const leave = () => {
    setPhase('left');
    void recorder.save(payload(false)).then((result) => {
      if (result) goTo({ name: 'pathway' });
    });
  };

  return (
    <div className="quiz">
      <section className="card" aria-labelledby="quiz-question-title">
        <h2 id="quiz-question-title" ref={questionRef} tabIndex={-1}>
          {t.questionCounter(index + 1, total)}
        </h2>
        <form onSubmit={check} noValidate>
          <fieldset className="choices" aria-describedby={hint ? hintId : undefined}>
            <legend className="question-prompt">{question.prompt}</legend>
            {question.choices.map((choice) => {
              const isAnswer = answered !== null && choice === question.answer;
              const isWrongPick = answered !== null && choice === answered.chosen && !answered.correct;
              return (
                <label key={`${question.id}-${choice}`} className={`choice${isAnswer ? ' choice-right' : ''}${isWrongPick ? ' choice-wrong' : ''}`}>
                  <input
                    type="radio"
                    name={`question-${question.id}`}
                    value={choice}
                    checked={chosen === choice}
                    disabled={answered !== null}
                    onChange={() => setChosen(choice)}
                  />
                  <span>{choice}</span>
                  {isAnswer && <span className="choice-note">{` ✓ ${t.rightAnswer}`}</span>}
                  {isWrongPick && <span className="choice-note">{` ✗ ${t.yourAnswer}`}</span>}
                </label>
              );
            })}
          </fieldset>
          {hint && (
            <p id={hintId} className="field-error" role="alert">
              {t.chooseFirst}
            </p>
          )}
          {!answered && (
            <button type="submit" className="button button-primary">
              {t.checkAnswer}
            </button>
          )}
        </form>
        {answered && (
          <div className="quiz-feedback">
            <p ref={feedbackRef} tabIndex={-1} className={`feedback ${answered.correct ? 'feedback-right' : 'feedback-wrong'}`}>
              <ContentIcon icon={answered.correct ? STAR_ICON : HINT_ICON} alt="" size={24} />
              {answered.correct ? t.correct : t.wrong(question.answer)}
            </p>
            <button type="button" className="button button-primary" onClick={next}>
              {index + 1 < total ? t.nextQuestion : t.seeScore}
            </button>
          </div>
        )}
      </section>
      <LeaveActivity nothingDone={answers.length === 0} onLeave={leave} />
    </div>
  );
}
