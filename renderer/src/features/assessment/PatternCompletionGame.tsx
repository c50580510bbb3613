import { useEffect, useRef, useState } from 'react';
import { text } from '../../i18n';
import { elapsedSince, patternItemName, patternPiece, ratio, type GameMetrics, type PatternTask } from './game-logic';
import { GamePieceView } from './GamePieceView';
import { useChanged } from './use-changed';

/** One pattern item: a piece (its picture and name), or a number as it is. */
function PatternItem({ task, item }: { task: PatternTask; item: string }) {
  const piece = patternPiece(task, item);
  return piece ? <GamePieceView piece={piece} size={40} /> : <>{item}</>;
}

/**
 * Pattern completion: the pattern and a "?", the choices as buttons, one pattern after another.
 * Items are pictures (each with its name for screen readers) or numbers. One pick per pattern.
 * Saved: accuracy = right picks / patterns; attempts = picks.
 */
export function PatternCompletionGame({ task, onFinish }: { task: PatternTask; onFinish(metrics: GameMetrics): void }) {
  const t = text.assessment.pattern;
  const startedAt = useRef(performance.now());
  const [round, setRound] = useState(0);
  const [picked, setPicked] = useState<string | null>(null);
  const [correct, setCorrect] = useState(0);
  const continueRef = useRef<HTMLButtonElement>(null);
  const current = task.rounds[round];

  const choicesRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (picked !== null) continueRef.current?.focus();
  }, [picked]);
  // A new pattern: focus its first choice, as the "Next pattern" button has gone.
  useChanged(round, () => choicesRef.current?.querySelector('button')?.focus());

  if (!current) return null;
  const last = round + 1 >= task.rounds.length;
  const nameOf = (item: string) => patternItemName(task, item);
  const answerIsPicture = patternPiece(task, current.answer) !== null;

  const pick = (choice: string) => {
    if (picked !== null) return;
    setPicked(choice);
    if (choice === current.answer) setCorrect((c) => c + 1);
  };

  const next = () => {
    if (last) {
      const rounds = task.rounds.length;
      onFinish({ accuracy: ratio(correct, rounds), attempts: rounds, time_ms: elapsedSince(startedAt.current), rounds, correct });
      return;
    }
    setRound(round + 1);
    setPicked(null);
  };

  return (
    <div className="game pattern-game">
      <h2 tabIndex={-1}>{t.roundOf(round + 1, task.rounds.length)}</h2>
      <div className="pattern-row" role="img" aria-label={t.sequenceLabel(current.sequence.map(nameOf))}>
        {current.sequence.map((item, i) => (
          <span key={i} className="pattern-tile">
            <PatternItem task={task} item={item} />
          </span>
        ))}
        <span className="pattern-tile pattern-missing">?</span>
      </div>
      <fieldset className="game-fieldset">
        <legend>{t.question}</legend>
        <div className="pattern-choices" ref={choicesRef}>
          {current.choices.map((choice) => (
            <button
              key={choice}
              type="button"
              className="button pattern-choice"
              aria-pressed={picked === null ? undefined : picked === choice}
              disabled={picked !== null}
              onClick={() => pick(choice)}
            >
              <PatternItem task={task} item={choice} />
              {picked !== null && choice === current.answer && <span aria-hidden="true"> ✓</span>}
            </button>
          ))}
        </div>
      </fieldset>
      <p className={`game-feedback${picked === current.answer ? ' game-feedback-right' : ''}`} role="status" aria-live="polite">
        {picked === null ? '' : picked === current.answer ? t.right(nameOf(current.answer), answerIsPicture) : t.wrong(nameOf(current.answer), answerIsPicture)}
      </p>
      {picked !== null && (
        <button ref={continueRef} type="button" className="button button-primary" onClick={next}>
          {last ? t.seeResult : t.nextRound}
        </button>
      )}
    </div>
  );
}
