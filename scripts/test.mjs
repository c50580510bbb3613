// `npm test`: installs what is missing, then runs every check a change must pass, in order.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDependencies, root } from './ensure-deps.mjs';

await ensureDependencies();

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
  { name: 'build (electron-vite: main, preload, renderer)', command: bin('electron-vite'), args: ['build'] },
  {
    name: 'unit and integration tests (vitest)',
    command: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(resultsDir, 'vitest.json')}`],
    after: () => vitestCounts(path.join(resultsDir, 'vitest.json')),
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
