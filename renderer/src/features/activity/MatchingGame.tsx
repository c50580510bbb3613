import { useMemo, useRef, useState } from 'react';
import { SELECTED_ICON } from '../../../../electron/common/content/icons';
import { ContentIcon } from '../../components/ContentIcon';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import { ActivityResult } from './ActivityResult';
import { LeaveActivity } from './LeaveActivity';
import { elapsedMs, gameScore, rightColumnOrder } from './scoring';
import type { ActivityContext, GameContent } from './types';
import { useAttemptRecorder } from './use-attempt-recorder';

const t = text.activity;

/**
 * A matching game: pick a clue on the left, then its answer on the right. Matched pairs are marked
 * in words and disabled; a wrong try counts a mistake and gets a gentle hint. All buttons, so the
 * keyboard works everywhere; the selected clue has aria-pressed and feedback is a live region.
 */
export function MatchingGame({ activity, ...context }: ActivityContext & { activity: GameContent }) {
  const { loId, objectiveTitle, masteryThreshold, onTryAgain } = context;
  const goTo = useAppStore((s) => s.goTo);
  const recorder = useAttemptRecorder(loId, activity.id, 'game');
  const startedAt = useRef(Date.now());
  const pairs = activity.pairs;
  const order = useMemo(() => rightColumnOrder(pairs.length), [pairs.length]);
  const [selected, setSelected] = useState<number | null>(null);
  const [matched, setMatched] = useState<ReadonlySet<number>>(new Set());
  const [mistakes, setMistakes] = useState(0);
  const [feedback, setFeedback] = useState('');
  const [phase, setPhase] = useState<'playing' | 'finished' | 'left'>('playing');
  const leftRefs = useRef<Array<HTMLButtonElement | null>>([]);

  if (phase !== 'playing') {
    const finished = phase === 'finished';
    return (
      <ActivityResult
        loId={loId}
        objectiveTitle={objectiveTitle}
        masteryThreshold={masteryThreshold}
        finished={finished}
        summary={finished ? t.gameScore(pairs.length, mistakes) : t.gamePartial(matched.size, pairs.length)}
        score={gameScore(matched.size, pairs.length, mistakes)}
        save={recorder.status}
        onRetrySave={() => void recorder.retry()}
        onTryAgain={onTryAgain}
      />
    );
  }

  const pickLeft = (i: number) => {
    setSelected(selected === i ? null : i);
    setFeedback(selected === i ? '' : t.pickedLeft(pairs[i]?.left ?? ''));
  };
  const pickRight = (pairIndex: number) => {
    if (selected === null) {
      setFeedback(t.pickLeftFirst);
      leftRefs.current.find((b, i) => b && !matched.has(i))?.focus();
      return;
    }
    const left = pairs[selected]?.left ?? '';
    const right = pairs[pairIndex]?.right ?? '';
    if (pairIndex !== selected) {
      setMistakes(mistakes + 1);
      setFeedback(t.notAMatch(left, right));
      return;
    }
    const nowMatched = new Set(matched).add(pairIndex);
    setMatched(nowMatched);
    setSelected(null);
    setFeedback(t.goodMatch(left, right));
    if (nowMatched.size === pairs.length) {
      setPhase('finished');
      void recorder.save({
        score: gameScore(pairs.length, pairs.length, mistakes),
        completed: true,
        attemptDetails: { mistakes, pairs: pairs.length, time_ms: elapsedMs(startedAt.current) },
      });
      return;
    }
    // The answer button just became disabled: carry focus on to the next clue still open.
    const nextLeft = pairs.findIndex((_, i) => i > pairIndex && !nowMatched.has(i));
    const target = nextLeft >= 0 ? nextLeft : pairs.findIndex((_, i) => !nowMatched.has(i));
    leftRefs.current[target]?.focus();
  };
  const leave = () => {
    setPhase('left');
    void recorder
      .save({
        score: gameScore(matched.size, pairs.length, mistakes),
        completed: false,
        attemptDetails: { mistakes, pairs: pairs.length, matched: matched.size, time_ms: elapsedMs(startedAt.current) },
      })
      .then((result) => {
        if (result) goTo({ name: 'pathway' });
      });
  };

  return (
    <div className="matching-game">
      <section className="card" aria-labelledby="game-board-title">
        <h2 id="game-board-title">{t.gameTitle}</h2>
        <p>{t.gameHelp}</p>
        <p className="muted">{t.pairsLeft(matched.size, pairs.length)}</p>
        <div className="match-columns">
          <div className="match-column">
            <h3 id="match-left">{t.leftColumn}</h3>
            <ul aria-labelledby="match-left">
              {pairs.map((pair, i) => (
                <li key={i}>
                  <button
                    ref={(el) => {
                      leftRefs.current[i] = el;
                    }}
                    type="button"
                    className="match-button"
                    aria-pressed={selected === i}
                    disabled={matched.has(i)}
                    onClick={() => pickLeft(i)}
                  >
                    <span>{pair.left}</span>
                    {matched.has(i) && <span className="match-note">{` ✓ ${t.matched}`}</span>}
                    {selected === i && (
                      <span className="match-note">
                        {' '}
                        <ContentIcon icon={SELECTED_ICON} alt="" size={20} />
                        {t.selected}
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </div>
          <div className="match-column">
            <h3 id="match-right">{t.rightColumn}</h3>
            <ul aria-labelledby="match-right">
              {order.map((pairIndex) => (
                <li key={pairIndex}>
                  <button type="button" className="match-button" disabled={matched.has(pairIndex)} onClick={() => pickRight(pairIndex)}>
                    <span>{pairs[pairIndex]?.right}</span>
                    {matched.has(pairIndex) && <span className="match-note">{` ✓ ${t.matched}`}</span>}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </div>
        <p className="feedback match-feedback" role="status" aria-live="polite">
          {feedback}
        </p>
      </section>
      <LeaveActivity nothingDone={matched.size === 0 && mistakes === 0} onLeave={leave} />
    </div>
  );
}
