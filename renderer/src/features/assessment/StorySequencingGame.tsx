import { useEffect, useRef, useState } from 'react';
import { text } from '../../i18n';
import {
  elapsedSince,
  moveItem,
  placedCorrectly,
  ratio,
  STORY_CHECKS_PER_ROUND,
  storyStartOrder,
  type GameMetrics,
  type StoryTask,
} from './game-logic';
import { useChanged } from './use-changed';

interface Totals {
  firstTryRight: number;
  solved: number;
  checks: number;
  placedAtFirstCheck: number;
  sentences: number;
}

const NO_TOTALS: Totals = { firstTryRight: 0, solved: 0, checks: 0, placedAtFirstCheck: 0, sentences: 0 };

/**
 * Story sequencing: the sentences start out of order; the learner moves them with "Move up" /
 * "Move down" and presses "Check my order" (two checks per story, then the right order is shown).
 * Saved: accuracy = fraction of stories fully right at the first check; attempts = every check;
 * also solved (right within two checks) and placement (sentences in place at the first check).
 */
export function StorySequencingGame({ task, onFinish }: { task: StoryTask; onFinish(metrics: GameMetrics): void }) {
  const t = text.assessment.story;
  const startedAt = useRef(performance.now());
  const [round, setRound] = useState(0);
  const sentences = task.rounds[round]?.sentences ?? [];
  const correct = sentences.map((s) => s.id);
  const [order, setOrder] = useState(() => storyStartOrder(task.rounds[0]?.sentences.map((s) => s.id) ?? [], 0));
  const [checks, setChecks] = useState(0);
  const [outcome, setOutcome] = useState<'playing' | 'right' | 'revealed'>('playing');
  const [message, setMessage] = useState('');
  const [totals, setTotals] = useState<Totals>(NO_TOTALS);
  const [focusAfterMove, setFocusAfterMove] = useState<{ id: string; direction: 'up' | 'down' } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const continueRef = useRef<HTMLButtonElement>(null);
  const textOf = (id: string) => sentences.find((s) => s.id === id)?.text ?? '';

  // The moved sentence keeps focus on its button, or the other one once it reaches an end.
  useEffect(() => {
    if (!focusAfterMove || !listRef.current) return;
    const find = (direction: string) =>
      listRef.current?.querySelector<HTMLButtonElement>(`button[data-id="${focusAfterMove.id}"][data-direction="${direction}"]`);
    const same = find(focusAfterMove.direction);
    const other = find(focusAfterMove.direction === 'up' ? 'down' : 'up');
    (same && !same.disabled ? same : other)?.focus();
  }, [focusAfterMove, order]);

  useEffect(() => {
    if (outcome !== 'playing') continueRef.current?.focus();
  }, [outcome]);
  // A new story: focus its heading, as the "Next story" button has gone.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useChanged(round, () => headingRef.current?.focus());

  const move = (id: string, direction: 'up' | 'down') => {
    const from = order.indexOf(id);
    const to = direction === 'up' ? from - 1 : from + 1;
    setOrder(moveItem(order, from, to));
    setFocusAfterMove({ id, direction });
    setMessage(t.moved(textOf(id), to + 1, order.length));
  };

  const check = () => {
    const placed = placedCorrectly(order, correct);
    const right = placed === correct.length;
    const firstCheck = checks === 0;
    setChecks(checks + 1);
    setTotals((old) => ({
      firstTryRight: old.firstTryRight + (right && firstCheck ? 1 : 0),
      solved: old.solved + (right ? 1 : 0),
      checks: old.checks + 1,
      placedAtFirstCheck: old.placedAtFirstCheck + (firstCheck ? placed : 0),
      sentences: old.sentences + (firstCheck ? correct.length : 0),
    }));
    if (right) {
      setOutcome('right');
      setMessage(t.right);
    } else if (checks + 1 >= STORY_CHECKS_PER_ROUND) {
      setOutcome('revealed');
      setOrder(correct);
      setMessage(t.reveal);
    } else {
      setMessage(t.notYet(placed, correct.length));
    }
  };

  const next = () => {
    const nextRound = round + 1;
    if (nextRound >= task.rounds.length) {
      const rounds = task.rounds.length;
      onFinish({
        accuracy: ratio(totals.firstTryRight, rounds),
        attempts: totals.checks,
        time_ms: elapsedSince(startedAt.current),
        rounds,
        solved: totals.solved,
        placement: ratio(totals.placedAtFirstCheck, totals.sentences),
      });
      return;
    }
    setRound(nextRound);
    setOrder(storyStartOrder(task.rounds[nextRound]?.sentences.map((s) => s.id) ?? [], nextRound));
    setChecks(0);
    setOutcome('playing');
    setMessage('');
    setFocusAfterMove(null);
  };

  const playing = outcome === 'playing';
  return (
    <div className="game story-game">
      <h2 ref={headingRef} tabIndex={-1}>{t.roundOf(round + 1, task.rounds.length)}</h2>
      <ol className="story-list" ref={listRef} aria-label={t.listLabel}>
        {order.map((id, i) => (
          <li key={id} className="story-item">
            <span className="story-place" aria-hidden="true">
              {i + 1}
            </span>
            <span className="story-text">{textOf(id)}</span>
            {playing && (
              <span className="story-moves">
                <button
                  type="button"
                  className="button button-small"
                  data-id={id}
                  data-direction="up"
                  aria-label={t.moveUp(textOf(id))}
                  disabled={i === 0}
                  onClick={() => move(id, 'up')}
                >
                  <span aria-hidden="true">▲ </span>
                  {t.moveUpShort}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  data-id={id}
                  data-direction="down"
                  aria-label={t.moveDown(textOf(id))}
                  disabled={i === order.length - 1}
                  onClick={() => move(id, 'down')}
                >
                  <span aria-hidden="true">▼ </span>
                  {t.moveDownShort}
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      <p className={`game-feedback${outcome === 'right' ? ' game-feedback-right' : ''}`} role="status" aria-live="polite">
        {message}
      </p>
      {playing ? (
        <button type="button" className="button button-primary" onClick={check}>
          {t.check}
        </button>
      ) : (
        <button ref={continueRef} type="button" className="button button-primary" onClick={next}>
          {round + 1 >= task.rounds.length ? t.seeResult : t.nextRound}
        </button>
      )}
    </div>
  );
}
