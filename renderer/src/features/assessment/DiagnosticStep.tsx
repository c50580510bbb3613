import { useRef, useState } from 'react';
import { diagnosticTasks } from '../../../../electron/common/content';
import type { DiagnosticTask } from '../../../../electron/common/content/schemas';
import { text } from '../../i18n';
import { useAppStore } from '../../store/store-context';
import type { GameMetrics } from './game-logic';
import { GameResult } from './GameResult';
import { MemorySpanGame } from './MemorySpanGame';
import { PatternCompletionGame } from './PatternCompletionGame';
import { StorySequencingGame } from './StorySequencingGame';
import { useChanged } from './use-changed';

function Game({ task, onFinish }: { task: DiagnosticTask; onFinish(metrics: GameMetrics): void }) {
  switch (task.kind) {
    case 'story_sequencing':
      return <StorySequencingGame task={task} onFinish={onFinish} />;
    case 'pattern_completion':
      return <PatternCompletionGame task={task} onFinish={onFinish} />;
    case 'memory_span':
      return <MemorySpanGame task={task} onFinish={onFinish} />;
  }
}

/**
 * One diagnostic mini-task: instructions, the game, and the saved result. A finished game is
 * saved with saveCognitiveMetric; playing again replaces the metric.
 */
export function DiagnosticStep({ index }: { index: number }) {
  const task = diagnosticTasks[index];
  const saved = useAppStore((s) => s.profile?.cognitiveMetrics.find((m) => m.taskName === task?.taskName));
  const saveCognitiveMetric = useAppStore((s) => s.saveCognitiveMetric);
  const [playing, setPlaying] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const gameRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);

  // A saved (or re-saved after "Try again") metric clears the "not saved yet" note.
  useChanged(saved?.timestamp, () => setSaveFailed(false));

  // Keep keyboard focus in the step as a game starts, and on the result once it is saved.
  useChanged(`${playing}:${saved?.timestamp ?? ''}`, () => {
    if (playing) {
      if (!gameRef.current?.contains(document.activeElement)) gameRef.current?.querySelector<HTMLElement>('h2')?.focus();
    } else {
      (resultRef.current ?? startRef.current)?.focus();
    }
  });

  if (!task) return null;
  const t = text.assessment.diagnostic;

  const finish = async (metrics: GameMetrics) => {
    setPlaying(false);
    const ok = await saveCognitiveMetric(task.taskName, { ...metrics });
    setSaveFailed(!ok);
  };

  return (
    <>
      <h1>{task.title}</h1>
      <p className="muted">{t.gameOf(index + 1, diagnosticTasks.length)}</p>
      <p className="lead">{task.instructions}</p>
      <p>{t.noRush}</p>
      {playing ? (
        <div ref={gameRef} className="card game-card">
          <Game task={task} onFinish={(m) => void finish(m)} />
        </div>
      ) : (
        <>
          {saved && <GameResult details={saved.metricDetails} headingRef={resultRef} />}
          {saveFailed && (
            <p className="field-error">{t.notSaved}</p>
          )}
          <button ref={startRef} type="button" className="button button-primary" onClick={() => setPlaying(true)}>
            {saved ? t.playAgain : t.start}
          </button>
        </>
      )}
    </>
  );
}
