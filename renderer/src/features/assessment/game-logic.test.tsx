// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diagnosticTasks } from '../../../../electron/common/content';
import {
  memoryShowMs,
  memorySequence,
  memoryStart,
  moveItem,
  patternItemName,
  patternPiece,
  placedCorrectly,
  ratio,
  scoreMemoryTry,
  storyStartOrder,
  type MemoryTask,
  type PatternTask,
} from './game-logic';
import { MemorySpanGame } from './MemorySpanGame';
import { PatternCompletionGame } from './PatternCompletionGame';

const memoryTask = diagnosticTasks.find((t): t is MemoryTask => t.kind === 'memory_span');
if (!memoryTask) throw new Error('the content has no memory_span task');
const patternTask = diagnosticTasks.find((t): t is PatternTask => t.kind === 'pattern_completion');
if (!patternTask) throw new Error('the content has no pattern_completion task');

/** What an <img> shows: one of the bundled SVG pictures, never a glyph from a font. */
const isBundledPicture = (img: HTMLElement) => img.tagName === 'IMG' && (img.getAttribute('src') ?? '').startsWith('data:image/svg+xml,');

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

describe('game pieces on screen: bundled pictures with names', () => {
  it('names pattern items by their pieces, and numbers by themselves', () => {
    expect(patternItemName(patternTask, 'piece_red_circle')).toBe('red circle');
    expect(patternPiece(patternTask, '10')).toBeNull();
    expect(patternItemName(patternTask, '10')).toBe('10');
  });

  it('draws every pattern as pictures or numbers, read as words; each choice is a button named by its piece', async () => {
    const round = patternTask.rounds[0]!;
    expect(round.sequence.every((item) => patternPiece(patternTask, item) !== null), 'the first pattern is made of pictures').toBe(true);
    const { container } = render(<PatternCompletionGame task={patternTask} onFinish={vi.fn()} />);
    const names = round.sequence.map((item) => patternItemName(patternTask, item));
    const row = screen.getByRole('img', { name: `Pattern: ${names.join(', ')}, then a question mark` });
    expect(row.querySelectorAll('img')).toHaveLength(round.sequence.length);
    const group = screen.getByRole('group', { name: 'What comes next?' });
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(round.choices.map((c) => patternItemName(patternTask, c)));
    for (const choice of round.choices) expect(within(group).getByRole('button', { name: patternItemName(patternTask, choice) })).toBeTruthy();
    // The pictures themselves are decorative: the names beside them are what is read.
    const pictures = Array.from(container.querySelectorAll<HTMLElement>('img'));
    expect(pictures).toHaveLength(round.sequence.length + round.choices.length);
    for (const img of pictures) {
      expect(isBundledPicture(img)).toBe(true);
      expect(img.getAttribute('aria-hidden')).toBe('true');
    }
    act(() => within(group).getByRole('button', { name: patternItemName(patternTask, round.answer) }).click());
    expect(screen.getByRole('status').textContent).toBe(`Yes! The ${patternItemName(patternTask, round.answer)} comes next.`);
  });

  it('shows the symbols to remember and the pad as named pictures, and says the order in words after a miss', () => {
    vi.useFakeTimers();
    render(<MemorySpanGame task={memoryTask} onFinish={vi.fn()} />);
    const shown = within(screen.getByRole('list', { name: 'Symbols to remember' })).getAllByRole('listitem');
    const sequence = memorySequence(memoryTask.symbols, memoryTask.startLength, 0);
    expect(shown.map((li) => li.textContent)).toEqual(sequence.map((s) => s.name));
    expect(shown.every((li) => isBundledPicture(li.querySelector('img') as HTMLElement))).toBe(true);
    act(() => screen.getByRole('button', { name: "I'm ready" }).click());
    const pad = screen.getByRole('group', { name: 'Ready? Now tap the symbols in the same order.' });
    expect(within(pad).getAllByRole('button').map((b) => b.textContent)).toEqual(memoryTask.symbols.map((s) => s.name));
    for (const symbol of [...sequence].reverse()) act(() => within(pad).getByRole('button', { name: symbol.name }).click());
    expect(within(screen.getByRole('list', { name: 'Your taps' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([...sequence].reverse().map((s) => s.name));
    expect(screen.getByRole('status').textContent).toBe(`Not quite. The order was ${sequence.map((s) => s.name).join(', ')}.`);
  });
});
