// `npm test`: installs what is missing, then runs every check a change must pass, in order.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureDependencies, root } from './ensure-deps.mjs';

await ensureDependencies();
const chromium = ensureChromium();
// Without a Chromium the browser specs cannot run: CI must have one; elsewhere they are skipped loudly.
if (!chromium && process.env.CI) {
  console.error('npm test: CI needs a Chromium for the end-to-end tests (see the line above).');
  process.exit(1);
}

const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function vitestCounts(file) {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

const steps = [
  { name: 'typecheck (node side)', command: bin('tsc'), args: ['-p', 'tsconfig.json', '--noEmit'] },
  { name: 'typecheck (renderer)', command: bin('tsc'), args: ['-p', 'renderer/tsconfig.json', '--noEmit'] },
  { name: 'typecheck (renderer tests)', command: bin('tsc'), args: ['-p', 'tsconfig.renderer-tests.json', '--noEmit'] },
  // ESLint: the recommended rules and the layering rule of DESIGN.md (eslint-rules/layering.mjs).
  { name: 'lint (ESLint)', command: bin('eslint'), args: ['.'] },
  { name: 'build (electron-vite: main, preload, renderer)', command: bin('electron-vite'), args: ['build'] },
  // Electronegativity over electron/ and renderer/ (offline); see the script for how findings are justified.
  { name: 'static security scan (Electronegativity)', command: process.execPath, args: [path.join(root, 'scripts', 'electronegativity.mjs')] },
  {
    name: 'unit and integration tests (vitest)',
    command: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(resultsDir, 'vitest.json')}`],
    after: () => vitestCounts(path.join(resultsDir, 'vitest.json')),
  },
  {
    name: 'browser end-to-end tests (Chromium against the browser host)',
    when: () => {
      if (!chromium) console.log('\n=== browser end-to-end tests: SKIPPED, no Chromium on this machine (see the setup line above)');
      return Boolean(chromium);
    },
    command: bin('vitest'),
    args: ['run', '--config', 'vitest.e2e.config.mts', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(resultsDir, 'vitest-e2e.json')}`],
    env: { DALA_CHROMIUM: chromium ?? '' },
    after: () => vitestCounts(path.join(resultsDir, 'vitest-e2e.json')),
  },
  {
    // Real Electron under xvfb where the binary exists; elsewhere every spec is skipped with one line saying so.
    name: 'Electron end-to-end (e2e/electron)',
    command: process.execPath,
    args: [path.join(root, 'scripts', 'test-electron.mjs'), '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(resultsDir, 'vitest-electron.json')}`],
    after: () => vitestCounts(path.join(resultsDir, 'vitest-electron.json')),
  },
];

let failedStep;
for (const step of steps) {
  if (step.when && !step.when()) continue;
  const started = Date.now();
  console.log(`\n=== ${step.name}`);
  const result = spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...step.env } });
  step.after?.();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.log(`=== ${step.name}: FAILED (${seconds} s)`);
    failedStep = step.name;
    break;
  }
  console.log(`=== ${step.name}: ok (${seconds} s)`);
}

console.log('');
if (failedStep) console.log(`npm test failed at: ${failedStep}`);
console.log(`${totals.passed} passed, ${totals.failed + (failedStep && totals.failed === 0 ? 1 : 0)} failed, ${totals.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
