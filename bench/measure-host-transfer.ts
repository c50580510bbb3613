import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput, ChannelResult } from '../electron/common/contract';
import type { JobStatusView } from '../electron/common/transfer-views';
import { startHost, type RunningHost } from '../e2e/support/app-host';
import { createDataDir } from './db';
import { fill } from './measure-streaming';
import { result, type BenchResult } from './report';
import type { BenchSizes } from './sizes';
import { now, sleep } from './timing';

/**
 * The browser host as a school runs it (`bin/dala-host.cjs`, a process of its own): a backup of
 * the large size made there and downloaded over HTTP to a file on disk, then uploaded over HTTP
 * into a second host on an empty data dir, checked and restored. Each host's peak RSS is its
 * kernel high-water mark (VmHWM), so nothing between two samples can hide.
 */

const MB = 1_048_576;
const ADMIN = { username: 'bench-admin', displayName: 'Bench Admin', password: 'bench password 2026' };

function peakRssBytes(pid: number | undefined): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb) * 1024;
}

/** One channel call over the host's HTTP API, as its page makes it. */
async function call<C extends ChannelName>(host: RunningHost, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const response = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token(host)}` },
    body: JSON.stringify(input),
  });
  const answer = (await response.json()) as ChannelResult<ChannelOutput<C>>;
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}

async function finished(host: RunningHost, jobId: string): Promise<JobStatusView> {
  for (;;) {
    let status: JobStatusView;
    try {
      status = await call(host, 'getJobStatus', { jobId });
    } catch (error) {
      // A restore that replaces the accounts ends this admin's session: the backup's admin (the same
      // name and password here) unlocks again.
      if (!/forbidden/.test((error as Error).message)) throw error;
      await call(host, 'unlockEducator', { username: ADMIN.username, password: ADMIN.password });
      continue;
    }
    if (status.state !== 'running') return status;
    await sleep(200);
  }
}

async function signInAdmin(host: RunningHost): Promise<void> {
  await call(host, 'setUpFirstAdmin', ADMIN);
  await call(host, 'unlockEducator', { username: ADMIN.username, password: ADMIN.password });
}

function token(host: RunningHost): string {
  return new URL(host.url).searchParams.get('token') ?? '';
}

/** GET of a same-origin download address, streamed to `file`. */
function downloadTo(host: RunningHost, address: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(address, host.origin), (res) => {
      if (res.statusCode !== 200) return reject(new Error(`download answered ${res.statusCode}`));
      const out = fs.createWriteStream(file);
      res.pipe(out);
      out.on('finish', () => resolve());
      out.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** POST /api/files, streamed from `file`. */
function uploadFrom(host: RunningHost, file: string, fileName: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const url = new URL('/api/files', host.origin);
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token(host)}`,
          'Content-Type': 'application/octet-stream',
          'Content-Length': String(fs.statSync(file).size),
          'X-Dala-File-Name': encodeURIComponent(fileName),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => {
          const answer = JSON.parse(body) as { ok: boolean; value?: { fileId: string } };
          if (res.statusCode === 200 && answer.ok && answer.value) resolve(answer.value.fileId);
          else reject(new Error(`upload answered ${res.statusCode}: ${body.slice(0, 300)}`));
        });
      },
    );
    req.on('error', reject);
    fs.createReadStream(file).pipe(req);
  });
}

export async function measureHostTransfer(sizes: BenchSizes, log: (line: string) => void): Promise<BenchResult[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-bench-host-'));
  const hosts: RunningHost[] = [];
  try {
    const learners = sizes.streamLearners * 10;
    const sourceDir = await createDataDir(root, 'school');
    const { rows } = fill(sourceDir, learners, { attempts: sizes.attemptsPerLearner, objectives: sizes.objectivesPerLearner }, 7);
    log(`  host: ${learners} learners, ${rows} rows seeded`);
    const source = await startHost(sourceDir);
    hosts.push(source);
    await signInAdmin(source);
    let start = now();
    const backup = await finished(source, (await call(source, 'startBackup', { gzip: true })).jobId);
    if (backup.result?.kind !== 'backup') throw new Error(`the backup failed: ${JSON.stringify(backup.error)}`);
    const saved = await call(source, 'saveTransferFile', { fileId: backup.result.file.fileId });
    if (saved.kind !== 'download') throw new Error(`the backup is not a download: ${saved.kind}`);
    const file = path.join(root, saved.fileName);
    await downloadTo(source, saved.url, file);
    const backupMs = now() - start;
    const sourcePeak = peakRssBytes(source.process.pid);
    log(`  host: backup of ${(fs.statSync(file).size / MB).toFixed(0)} MB downloaded in ${(backupMs / 1000).toFixed(1)} s`);

    const target = await startHost(path.join(root, 'empty'));
    hosts.push(target);
    await signInAdmin(target);
    start = now();
    const fileId = await uploadFrom(target, file, saved.fileName);
    const check = await call(target, 'checkBackupFile', { fileId });
    if (check.learners !== learners) throw new Error(`the uploaded backup holds ${check.learners} learners, not ${learners}`);
    const restore = await finished(target, (await call(target, 'startRestore', { fileId, replace: true, dryRun: false })).jobId);
    if (restore.state !== 'done') throw new Error(`the restore failed: ${JSON.stringify(restore.error)}`);
    const restoreMs = now() - start;
    const targetPeak = peakRssBytes(target.process.pid);
    const restored = await call(target, 'getStatistics', {});
    log(`  host: restored in ${(restoreMs / 1000).toFixed(1)} s: ${JSON.stringify(restored).slice(0, 160)}`);
    const label = `${learners} learners, ${rows} rows`;
    return [
      result(`browser host: backup made and downloaded over HTTP, peak RSS (${label})`, sourcePeak / MB, null, 'MB', { kind: 'at-most', limit: 300 }),
      result(`browser host: uploaded, checked and restored into an empty data dir, peak RSS (${label})`, targetPeak / MB, null, 'MB', { kind: 'at-most', limit: 300 }),
      result(`  backup + download, then upload + check + restore`, (rows / (backupMs + restoreMs)) * 1000, null, 'rows/s', { kind: 'reported' }),
    ];
  } finally {
    for (const host of hosts) await host.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
