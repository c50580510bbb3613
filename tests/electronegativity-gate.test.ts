import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The Electronegativity step of `npm test` (scripts/electronegativity.mjs) must be able to fail:
// run on a tiny fixture app, it reports insecure code, refuses a bare `eng-disable`, refuses a
// stale allow-list entry, and passes once every finding is justified.

const script = path.resolve(__dirname, '..', 'scripts', 'electronegativity.mjs');
const fixtures: string[] = [];
afterEach(() => {
  for (const dir of fixtures.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const INSECURE_WINDOW = "  const win = new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true } });";

function fixture(windowLine: string, allow: object[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-eng-gate-'));
  fixtures.push(dir);
  fs.mkdirSync(path.join(dir, 'electron', 'main'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'e2e'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'fixture', devDependencies: { electron: '41.0.0' } }));
  fs.writeFileSync(
    path.join(dir, 'electron', 'main', 'window.ts'),
    ["import { BrowserWindow } from 'electron';", 'export function open(): BrowserWindow {', windowLine, '  return win;', '}', ''].join('\n'),
  );
  // Tests are never scanned, whatever they contain.
  fs.writeFileSync(path.join(dir, 'electron', 'main', 'window.test.ts'), "new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false } });\n");
  fs.writeFileSync(path.join(dir, 'e2e', 'electronegativity-allow.json'), JSON.stringify({ allow }));
  return dir;
}

function scan(dir: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [script, '--root', dir], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

// A bare fixture has no CSP, navigation limits or permission handler: the tool's global checks.
const globalFindings = ['CSP_GLOBAL_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK'].map((check) => ({
  check,
  file: 'N/A',
  line: '',
  justification: 'The fixture is a single file with no page: nothing to protect in this test.',
}));

describe('the Electronegativity step', () => {
  it('fails on an unexplained finding, a bare eng-disable and a stale allow-list entry', () => {
    const stale = { check: 'SANDBOX_JS_CHECK', file: 'electron/main/gone.ts', line: 'sandbox', justification: 'This entry no longer matches anything and must be removed.' };
    const result = scan(fixture(`${INSECURE_WINDOW} // eng-disable AUXCLICK_JS_CHECK`, [...globalFindings, stale]));
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain('electron/main/window.ts:3: eng-disable without a reason');
    expect(result.output).toContain('allow-list entry 4 (SANDBOX_JS_CHECK in electron/main/gone.ts) matches no finding');
    expect(result.output).not.toContain('window.test.ts');
  }, 60_000);

  it('reports the finding itself when nothing explains it', () => {
    const result = scan(fixture(INSECURE_WINDOW, globalFindings));
    expect(result.status, result.output).toBe(1);
    expect(result.output).toMatch(/AUXCLICK_JS_CHECK electron\/main\/window\.ts:3/);
  }, 60_000);

  it('passes when every finding is justified next to the code or in the allow-list', () => {
    const result = scan(fixture(`${INSECURE_WINDOW} // eng-disable AUXCLICK_JS_CHECK: the fixture denies every new window in its handler`, globalFindings));
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('nothing above informational is left unexplained');
  }, 60_000);
});
