// @vitest-environment jsdom
// jsdom for its XML parser: an icon must be well-formed SVG, not just text that looks like it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The SVG files the renderer bundles: every content icon and the app's own icon (the header's).
 * The screen shows them as <img>, and the saved report pastes their markup inline, several times
 * over, into a page that must open offline: so they may draw shapes and nothing else.
 */
const root = path.resolve(__dirname, '..');
const ICON_DIR = path.join(root, 'resources/content/icons');
const files = [...fs.readdirSync(ICON_DIR).filter((f) => f.endsWith('.svg')).map((f) => path.join(ICON_DIR, f)), path.join(root, 'resources/icons/icon.svg')];

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Shapes only: no <script>, <image>, <use>, <a>, <foreignObject>, <style>, and no <text> (it needs a font). */
const ALLOWED_ELEMENTS = new Set(['svg', 'g', 'path', 'circle', 'ellipse', 'rect', 'line', 'polyline', 'polygon']);
/** Anything that could fetch or run: a URL scheme (http:, data:, javascript:), url(…), CSS at-rules. */
const REFERENCE = /[a-z][a-z0-9+.-]*:|url\s*\(|@import|@font-face|\/\//i;
const MAX_BYTES = 3 * 1024;

/** The few DOM members used here: the node-side tsconfig has no DOM types (jsdom supplies the objects). */
interface XmlElement {
  localName: string;
  namespaceURI: string | null;
  textContent: string | null;
  attributes: ArrayLike<{ name: string; value: string }>;
  getAttribute(name: string): string | null;
  querySelectorAll(selectors: string): ArrayLike<XmlElement>;
}
interface XmlDocument {
  documentElement: XmlElement;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}
const { DOMParser } = globalThis as unknown as { DOMParser: new () => { parseFromString(source: string, type: string): XmlDocument } };

/** Everything wrong with one icon's text, as readable lines. */
function svgProblems(source: string): string[] {
  const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
  const root = doc.documentElement;
  if (doc.getElementsByTagName('parsererror').length > 0 || root.localName === 'parsererror') return [`not well-formed XML: ${root.textContent ?? ''}`];
  const problems: string[] = [];
  if (root.localName !== 'svg' || root.namespaceURI !== SVG_NS) problems.push(`root is <${root.localName}> in ${root.namespaceURI ?? 'no namespace'}, not an SVG <svg>`);
  const box = (root.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  if (box.length !== 4 || box.some((n) => !Number.isFinite(n)) || !(box[2]! > 0) || box[2] !== box[3]) problems.push(`viewBox "${root.getAttribute('viewBox') ?? ''}" is not a square "x y w h"`);
  for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
    if (!ALLOWED_ELEMENTS.has(element.localName) || element.namespaceURI !== SVG_NS) problems.push(`<${element.localName}> is not a plain shape`);
    for (const attribute of Array.from(element.attributes)) {
      const { name, value } = attribute;
      if (name === 'xmlns' && value === SVG_NS) continue;
      // Pasted into the report many times, an id would repeat; events and links could run or fetch.
      if (name === 'id' || name.startsWith('on') || name === 'style' || name.endsWith('href')) problems.push(`<${element.localName}> has a ${name} attribute`);
      else if (REFERENCE.test(value)) problems.push(`<${element.localName} ${name}="${value}"> refers to something outside the file`);
    }
  }
  return problems;
}

describe('bundled icon files', () => {
  it('finds the icons', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  for (const file of files) {
    const name = path.relative(root, file);
    it(`${name} is small, well-formed SVG with a square viewBox and nothing outside the file`, () => {
      expect(path.basename(file, '.svg')).toMatch(/^[a-z0-9_]+$/);
      const source = fs.readFileSync(file, 'utf8');
      // The report pastes the markup into HTML: nothing (an XML declaration, a comment) before <svg.
      expect(source.trimStart().startsWith('<svg '), 'starts with <svg').toBe(true);
      expect(Buffer.byteLength(source), 'bytes').toBeLessThanOrEqual(MAX_BYTES);
      expect(svgProblems(source)).toEqual([]);
    });
  }
});

describe('the icon check', () => {
  const ok = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="8" fill="#ffc83d"/></svg>';

  it('accepts plain shapes', () => {
    expect(svgProblems(ok)).toEqual([]);
  });

  it.each([
    ['broken XML', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path></svg>', /not well-formed/],
    ['no SVG namespace', '<svg viewBox="0 0 24 24"/>', /not an SVG/],
    ['no viewBox', '<svg xmlns="http://www.w3.org/2000/svg"/>', /viewBox/],
    ['a script', ok.replace('</svg>', '<script>alert(1)</script></svg>'), /<script>/],
    ['an image from elsewhere', ok.replace('</svg>', '<image href="http://example.com/a.png"/></svg>'), /<image>/],
    ['a link to elsewhere', ok.replace('<circle', '<circle href="https://example.com"'), /href attribute/],
    ['a web font', ok.replace('</svg>', '<style>@font-face { src: url(https://example.com/f.woff) }</style></svg>'), /<style>/],
    ['text that needs a font', ok.replace('</svg>', '<text x="1" y="9">A</text></svg>'), /<text>/],
    ['a fill from elsewhere', ok.replace('#ffc83d', 'url(https://example.com/p.svg#g)'), /outside the file/],
    ['an event handler', ok.replace('<circle', '<circle onclick="alert(1)"'), /onclick/],
    ['an id', ok.replace('<circle', '<circle id="dot"'), /id attribute/],
  ])('rejects %s', (_what, source, expected) => {
    expect(svgProblems(source).join('\n')).toMatch(expected);
  });
});
