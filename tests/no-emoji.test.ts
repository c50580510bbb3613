import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Nothing a learner sees or hears may be an emoji. Lab machines often have no emoji font, so an
 * emoji is drawn as an empty box (a game piece, a state, a heading's picture), and a screen reader
 * reads its long Unicode name aloud. Pictures are bundled SVG (resources/content/icons, drawn by
 * ContentIcon); this test keeps emoji from coming back in the content, the screens, their styles
 * or their words. Tests themselves may mention emoji (to check that they are refused).
 */
const root = path.resolve(__dirname, '..');

/**
 * An emoji: a pictographic character (which includes ©, ®, ™, ↔, ▶ and ☀ as well as 🎉), a
 * flag's regional indicator, the variation selector that asks for the emoji form, a keycap.
 */
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{FE0F}\u{20E3}]/gu;

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return filesUnder(file, keep);
    return keep(file) ? [file] : [];
  });
}

const isTestCode = (file: string): boolean => /\.test\.tsx?$/.test(file) || file.includes('/test-support/');

/** resources/content/*.json, and the renderer's code, words (src/i18n), styles and page, without its tests. */
function scannedFiles(): string[] {
  return [
    ...filesUnder('resources/content', (f) => f.endsWith('.json')),
    ...filesUnder('renderer/src', (f) => /\.(tsx?|css)$/.test(f) && !isTestCode(f)),
    ...filesUnder('renderer', (f) => f.endsWith('.html') && !f.startsWith('renderer/src/')),
  ];
}

interface Found {
  file: string;
  line: number;
  column: number;
  character: string;
}

function emojiIn(file: string, source: string): Found[] {
  return source.split('\n').flatMap((line, index) =>
    [...line.matchAll(EMOJI)].map((m): Found => ({ file, line: index + 1, column: (m.index ?? 0) + 1, character: m[0] })),
  );
}

const describeFound = (f: Found): string => `${f.file}:${f.line}:${f.column}: ${f.character} (U+${f.character.codePointAt(0)?.toString(16).toUpperCase()})`;

describe('no emoji in the app', () => {
  const files = scannedFiles();
  const found = files.flatMap((file) => emojiIn(file, fs.readFileSync(path.join(root, file), 'utf8')));

  it('scans the content, the screens and their words', () => {
    for (const expected of ['resources/content/diagnostics.json', 'renderer/src/i18n/en/activity.ts', 'renderer/src/features/assessment/PatternCompletionGame.tsx', 'renderer/src/styles/app.css', 'renderer/index.html']) {
      expect(files).toContain(expected);
    }
    expect(files.some(isTestCode)).toBe(false);
  });

  it('finds none', () => {
    expect(found.map(describeFound)).toEqual([]);
  });

  it('recognises emoji, including the ones that look like symbols, and leaves text symbols alone', () => {
    for (const emoji of ['🎉', '🔴', '⭐', '☀️', '⚠', '▶', '🔒', '👉', '1️⃣', '🇬🇧']) expect(emojiIn('x', `a ${emoji} b`), emoji).not.toEqual([]);
    expect(emojiIn('x', '✓ Saved · “quotes” – ½ → ← ▲ ▼ ◐ ✗ é ß 10%')).toEqual([]);
    expect(emojiIn('f.ts', 'one\ntwo 🚀')).toEqual([{ file: 'f.ts', line: 2, column: 5, character: '🚀' }]);
  });
});
