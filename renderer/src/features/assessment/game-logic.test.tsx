// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diagnosticTasks } from '../../../../electron/common/content';
import {
  memoryShowMs,
  memorySequence,
  memoryStart,
  moveItem,
  placedCorrectly,
  ratio,
  scoreMemoryTry,
  storyStartOrder,
  type MemoryTask,
} from './game-logic';
import { MemorySpanGame } from './MemorySpanGame';

const memoryTask = diagnosticTasks.find((t): t is MemoryTask => t.kind === 'memory_span');
if (!memoryTask) throw new Error('the content has no memory_span task');

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('story sequencing rules', () => {
  it('starts every round out of order, the same way each time', () => {
    const ids = ['a', 'b', 'c', 'd'];
    for (let round = 0; round < 6; round += 1) {
      expect(storyStartOrder(ids, round)).not.toEqual(ids);
      expect([...storyStartOrder(ids, round)].sort()).toEqual(ids);
      expect(storyStartOrder(ids, round)).toEqual(storyStartOrder(ids, round));
    }
    expect(storyStartOrder(['a', 'b', 'c'], 0)).toEqual(['c', 'b', 'a']);
    expect(storyStartOrder(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
  });

  it('moves one item and counts the ones in place', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(placedCorrectly(['a', 'c', 'b'], ['a', 'b', 'c'])).toBe(1);
  });

  it('keeps ratios within 0..1', () => {
    expect(ratio(2, 3)).toBeCloseTo(0.667, 3);
    expect(ratio(0, 0)).toBe(0);
    expect(ratio(5, 4)).toBe(1);
  });
});

describe('memory span rules', () => {
  it('makes sequences without repeats while they fit the symbols', () => {
    for (let tryIndex = 0; tryIndex < 8; tryIndex += 1) {
      const sequence = memorySequence(memoryTask.symbols, memoryTask.maxLength, tryIndex);
      expect(new Set(sequence).size).toBe(memoryTask.maxLength);
      expect(sequence.every((s) => memoryTask.symbols.includes(s))).toBe(true);
    }
  });

  it('grows by one after a right try, ends at maxLength or after two misses at one length', () => {
    let score = memoryStart(memoryTask);
    score = scoreMemoryTry(score, memoryTask, true);
    expect(score).toMatchObject({ length: memoryTask.startLength + 1, span: memoryTask.startLength, ended: false });
    score = scoreMemoryTry(score, memoryTask, false);
    expect(score).toMatchObject({ missesAtLength: 1, ended: false });
    score = scoreMemoryTry(score, memoryTask, true);
    expect(score).toMatchObject({ missesAtLength: 0, span: memoryTask.startLength + 1 });
    score = scoreMemoryTry(scoreMemoryTry(score, memoryTask, false), memoryTask, false);
    expect(score).toMatchObject({ ended: true, tries: 5, correct: 2 });

    let perfect = memoryStart(memoryTask);
    while (!perfect.ended) perfect = scoreMemoryTry(perfect, memoryTask, true);
    expect(perfect).toMatchObject({ span: memoryTask.maxLength, tries: memoryTask.maxLength - memoryTask.startLength + 1 });
  });

  it('hides the symbols by themselves after a few seconds, without ending the try', () => {
    vi.useFakeTimers();
    const onFinish = vi.fn();
    render(<MemorySpanGame task={memoryTask} onFinish={onFinish} />);
    expect(screen.getByRole('list', { name: 'Symbols to remember' })).toBeTruthy();
    act(() => vi.advanceTimersByTime(memoryShowMs(memoryTask.startLength) - 1));
    expect(screen.getByRole('list', { name: 'Symbols to remember' })).toBeTruthy();
    act(() => vi.advanceTimersByTime(1));
    expect(screen.queryByRole('list', { name: 'Symbols to remember' })).toBeNull();
    expect(screen.getByRole('group', { name: 'Ready? Now tap the symbols in the same order.' })).toBeTruthy();
    expect(onFinish).not.toHaveBeenCalled();
  });
});
