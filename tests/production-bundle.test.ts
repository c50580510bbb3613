import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The bundles as a machine without devDependencies has them: out/, resources/, package.json and
 * the two launchers, with node_modules holding only the production dependencies (and theirs).
 * Every kind of CLI command runs there, and the browser host starts and answers. A bundle that reached for tsx, a devDependency or a source file would fail here.
 */

const projectRoot = path.resolve(__dirname, '..');
let installDir = '';

function productionClosure(): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const manifest = path.join(projectRoot, 'node_modules', name, 'package.json');
    if (!fs.existsSync(manifest)) return; // an optional dependency not installed here
    seen.add(name);
    const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> };
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep);
  };
  const root = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const dep of Object.keys(root.dependencies)) visit(dep);
  return [...seen].sort();
}

beforeAll(() => {
  // Builds the bundles when the sources are newer (what `npx dala` does in a checkout).
  const built = spawnSync(process.execPath, [path.join(projectRoot, 'bin', 'dala.cjs'), '--version'], { cwd: projectRoot, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  installDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-production-'));
  for (const entry of ['out', 'resources', 'package.json']) fs.cpSync(path.join(projectRoot, entry), path.join(installDir, entry), { recursive: true });
  fs.mkdirSync(path.join(installDir, 'bin'));
  for (const launcher of ['dala.cjs', 'dala-host.cjs']) fs.copyFileSync(path.join(projectRoot, 'bin', launcher), path.join(installDir, 'bin', launcher));
  for (const name of productionClosure()) {
    const target = path.join(installDir, 'node_modules', name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Copies, not links: a linked package would resolve its own requires in the full node_modules.
    fs.cpSync(path.join(projectRoot, 'node_modules', name), target, { recursive: true, dereference: true });
  }
}, 180_000);

afterAll(() => {
  if (installDir) fs.rmSync(installDir, { recursive: true, force: true });
});

function dala(dataDir: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(installDir, 'bin', 'dala.cjs'), '--data-dir', dataDir, ...args], { cwd: installDir, encoding: 'utf8', timeout: 60_000 });
  expect(run.status, `dala ${args.join(' ')}: ${run.stderr}`).toBe(0);
  return run.stdout;
}

describe('the production bundle with production dependencies only', () => {
  it('has no devDependency in its node_modules', () => {
    const names = productionClosure();
    expect(names).toContain('better-sqlite3');
    for (const dev of ['tsx', 'vitest', 'electron', 'esbuild', 'typescript']) expect(names).not.toContain(dev);
  });

  it('seeds, backs up, restores, verifies, reads the schema history, makes automatic copies', () => {
    const source = fs.mkdtempSync(path.join(installDir, 'data-a-'));
    const target = fs.mkdtempSync(path.join(installDir, 'data-b-'));
    expect(dala(source, '--version')).toMatch(/^dala \S+ \(database schema version \d+\)\n$/);
    expect(dala(source, 'seed', '--learners', '4', '--attempts', '3', '--seed', '2')).toContain('Created 4 learner(s)');
    const file = path.join(installDir, 'backup.json');
    dala(source, 'backup', '--out', file);
    expect(dala(source, 'backup', 'verify', file)).toContain('is a valid DALA backup');
    expect(dala(target, 'restore', file)).toContain('Learners: 4 new.');
    expect(JSON.parse(dala(target, 'learners', 'list', '--json'))).toHaveLength(4);
    expect(dala(target, 'verify')).toContain('The database is healthy.');
    expect(dala(target, 'stats')).toContain('Learners: 4');
    expect(dala(target, 'db', 'history')).toContain('VERSION');
    expect(dala(target, 'backups', 'run')).toMatch(/^Made backup copy /);
    expect(dala(target, 'audit')).toMatch(/automatic_backup_made +command line/);
  });

  it('starts the browser host, which answers its API', async () => {
    const dataDir = fs.mkdtempSync(path.join(installDir, 'data-host-'));
    const child = spawn(process.execPath, [path.join(installDir, 'bin', 'dala-host.cjs'), '--port', '0', '--data-dir', dataDir], { cwd: installDir, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => reject(new Error(`the host did not start:\n${output}`)), 30_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /DALA is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`the host exited with ${code}:\n${output}`)));
      });
      const token = new URL(url).searchParams.get('token') ?? '';
      const response = await fetch(`${new URL(url).origin}/api/listLearners`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' });
      expect(await response.json()).toEqual({ ok: true, value: [] });
    } finally {
      child.kill('SIGTERM');
    }
  });
});
