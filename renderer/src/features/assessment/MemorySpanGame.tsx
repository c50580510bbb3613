import { useEffect, useRef, useState } from 'react';
import type { GamePiece } from '../../../../electron/common/content/schemas';
import { text } from '../../i18n';
import {
  memoryShowMs,
  memorySequence,
  memoryStart,
  ratio,
  sameSymbols,
  scoreMemoryTry,
  type GameMetrics,
  type MemoryTask,
} from './game-logic';
import { GamePieceView } from './GamePieceView';

type Phase = 'show' | 'input' | 'feedback';

/** One symbol in a row: its picture and its name for screen readers ("apple"). */
function SymbolTile({ symbol, size }: { symbol: GamePiece; size: number }) {
  return (
    <li className="memory-tile">
      <GamePieceView piece={symbol} size={size} />
    </li>
  );
}

/**
 * Memory span: all symbols of a sequence are shown at once (no flashing) for a few seconds, or
 * until "I'm ready"; then the learner taps them in order. Right → one longer (up to maxLength);
 * two misses at one length end the game. Saved: span = longest right length; accuracy = right
 * tries / tries; attempts = tries.
 */
export function MemorySpanGame({ task, onFinish }: { task: MemoryTask; onFinish(metrics: GameMetrics): void }) {
  const t = text.assessment.memory;
  const startedAt = useRef(performance.now());
  const endedAt = useRef<number | null>(null);
  const [score, setScore] = useState(() => memoryStart(task));
  const [sequence, setSequence] = useState(() => memorySequence(task.symbols, task.startLength, 0));
  const [phase, setPhase] = useState<Phase>('show');
  const [taps, setTaps] = useState<GamePiece[]>([]);
  const [lastRight, setLastRight] = useState(false);
  const readyRef = useRef<HTMLButtonElement>(null);
  const padRef = useRef<HTMLDivElement>(null);
  const continueRef = useRef<HTMLButtonElement>(null);

  // The symbols hide by themselves after a few seconds; "I'm ready" hides them sooner.
  useEffect(() => {
    if (phase !== 'show') return;
    const timer = setTimeout(() => setPhase('input'), memoryShowMs(sequence.length));
    return () => clearTimeout(timer);
  }, [phase, sequence]);

  useEffect(() => {
    if (phase === 'show') readyRef.current?.focus();
    if (phase === 'input') padRef.current?.querySelector('button')?.focus();
    if (phase === 'feedback') continueRef.current?.focus();
  }, [phase, sequence]);

  const tap = (symbol: GamePiece) => {
    if (phase !== 'input') return;
    const next = [...taps, symbol];
    setTaps(next);
    if (next.length < sequence.length) return;
    const right = sameSymbols(next, sequence);
    const scored = scoreMemoryTry(score, task, right);
    if (scored.ended) endedAt.current = performance.now();
    setScore(scored);
    setLastRight(right);
    setPhase('feedback');
  };

  const carryOn = () => {
    if (score.ended) {
      onFinish({
        accuracy: ratio(score.correct, score.tries),
        attempts: score.tries,
        time_ms: Math.round((endedAt.current ?? performance.now()) - startedAt.current),
        rounds: score.tries,
        span: score.span,
        correct: score.correct,
        maxLength: task.maxLength,
      });
      return;
    }
    setSequence(memorySequence(task.symbols, score.length, score.tries));
    setTaps([]);
    setPhase('show');
  };

  const continueLabel = score.ended ? t.seeResult : lastRight ? t.nextLonger(score.length) : t.tryAgain;
  return (
    <div className="game memory-game">
      <h2 tabIndex={-1}>{t.tryLabel(sequence.length)}</h2>
      {phase === 'show' && (
        <>
          <p>{t.lookNow}</p>
          <ol className="memory-row" aria-label={t.sequenceLabel}>
            {sequence.map((symbol, i) => (
              <SymbolTile key={i} symbol={symbol} size={40} />
            ))}
          </ol>
          <p className="muted">{t.autoHideNote}</p>
          <button ref={readyRef} type="button" className="button button-primary" onClick={() => setPhase('input')}>
            {t.ready}
          </button>
        </>
      )}
      {phase !== 'show' && (
        <>
          <fieldset className="game-fieldset" disabled={phase !== 'input'}>
            <legend>{t.tapNow}</legend>
            <div className="memory-pad" ref={padRef}>
              {task.symbols.map((symbol) => (
                <button key={symbol.icon} type="button" className="button memory-symbol" onClick={() => tap(symbol)}>
                  <GamePieceView piece={symbol} size={40} />
                </button>
              ))}
            </div>
          </fieldset>
          <h3>{t.yourTaps}</h3>
          {taps.length === 0 ? (
            <p className="muted">{t.noTapsYet}</p>
          ) : (
            <ol className="memory-row memory-taps" aria-label={t.yourTaps}>
              {taps.map((symbol, i) => (
                <SymbolTile key={i} symbol={symbol} size={28} />
              ))}
            </ol>
          )}
          {phase === 'input' && (
            <button type="button" className="button button-small" onClick={() => setTaps((old) => old.slice(0, -1))}>
              {t.undo}
            </button>
          )}
        </>
      )}
      <p className={`game-feedback${phase === 'feedback' && lastRight ? ' game-feedback-right' : ''}`} role="status" aria-live="polite">
        {phase === 'feedback' ? (lastRight ? t.right : t.wrong(sequence.map((s) => s.name))) : ''}
      </p>
      {phase === 'feedback' && (
        <button ref={continueRef} type="button" className="button button-primary" onClick={carryOn}>
          {continueLabel}
        </button>
      )}
    </div>
  );
}
