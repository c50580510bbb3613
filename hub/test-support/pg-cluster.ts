import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { openHubAdministration } from '../store/hub-administration';

/**
 * A throwaway PostgreSQL 15 cluster for tests and the bench (DESIGN.md, "Tests run a real
 * PostgreSQL"): `initdb` in a temp dir, `pg_ctl start` on a free port with its socket in that dir,
 * removed by `stop()`. PostgreSQL refuses to run as root, so as root (CI) the cluster runs as the
 * `postgres` system user (Debian's package creates it) through `runuser`.
 *
 * Roles, as docs/school-hub.md tells an IT person to set them up:
 * - `postgres`: the cluster's superuser (trust authentication, 127.0.0.1 only);
 * - `dala_hub_owner`: LOGIN CREATEROLE, not a superuser, owns the database `dala_hub` and, once
 *   migrated, every hub table (it runs `dala hub migrate|schools|machines`);
 * - `dala_hub`: LOGIN, member of `dala_hub_app` (the NOLOGIN role the first migration creates),
 *   the role `dala hub serve` connects as. It can only exist after the migrations ran, so
 *   `startThrowawayCluster()` migrates and creates it unless told `{ migrate: false }`; then call
 *   `createAppLogin(cluster)` after migrating.
 */

const BIN = '/usr/lib/postgresql/15/bin';
const run = promisify(execFile);

export interface ThrowawayCluster {
  port: number;
  /** `postgres` (superuser) on the database dala_hub. */
  superuserUrl: string;
  /** `dala_hub_owner` on dala_hub: for migrations and administration. */
  ownerUrl: string;
  /** `dala_hub` (member of dala_hub_app) on dala_hub: what the hub serves with. */
  appUrl: string;
  /** Stops the server (fast shutdown) and removes its directory. */
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** Run the hub's migrations and create the app login (default true). */
  migrate?: boolean;
}

export const HUB_DATABASE = 'dala_hub';
export const OWNER_ROLE = 'dala_hub_owner';
export const APP_LOGIN = 'dala_hub';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL program as a user PostgreSQL accepts. */
async function runPostgresTool(program: string, args: string[], cwd: string): Promise<void> {
  const file = path.join(BIN, program);
  const [command, commandArgs] = isRoot() ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    await run(command, commandArgs, { cwd, env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' }, timeout: 120_000 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${program} failed: ${(e.stderr ?? '').trim() || e.message}`, { cause: error });
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const url = (user: string, port: number, database = HUB_DATABASE) => `postgres://${user}@127.0.0.1:${port}/${database}`;

/** Runs statements over one connection and closes it. */
export async function runSql(databaseUrl: string, statements: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Clusters still running when the process exits (a crashed test) are stopped and removed. */
const running = new Map<string, string>();
process.once('exit', () => {
  for (const [dir, dataDir] of running) {
    try {
      const args = ['-D', dataDir, 'stop', '-m', 'immediate'];
      if (isRoot()) execFileSync('runuser', ['-u', 'postgres', '--', path.join(BIN, 'pg_ctl'), ...args], { stdio: 'ignore', cwd: dir });
      else execFileSync(path.join(BIN, 'pg_ctl'), args, { stdio: 'ignore', cwd: dir });
    } catch {
      // Already gone.
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

async function startServer(dir: string, dataDir: string, socketDir: string): Promise<number> {
  let lastError: unknown;
  // Another process may take the free port between the probe and the start: try a few.
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const options = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    try {
      await runPostgresTool('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start'], dir);
      return port;
    } catch (error) {
      lastError = error;
    }
  }
  const log = fs.existsSync(path.join(dir, 'server.log')) ? fs.readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-2000) : '';
  throw new Error(`Could not start the throwaway PostgreSQL: ${String(lastError)}\n${log}`);
}

export async function startThrowawayCluster(options: ClusterOptions = {}): Promise<ThrowawayCluster> {
  if (!fs.existsSync(path.join(BIN, 'initdb'))) {
    throw new Error(`PostgreSQL 15 is not installed (${BIN}/initdb is missing): install postgresql-15 (apt-get install -y postgresql-15).`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dala-pg-'));
  const dataDir = path.join(dir, 'data');
  const socketDir = path.join(dir, 'sock');
  fs.mkdirSync(socketDir);
  if (isRoot()) {
    execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  }
  running.set(dir, dataDir);
  let started = false;
  try {
    await runPostgresTool('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-instructions'], dir);
    const port = await startServer(dir, dataDir, socketDir);
    started = true;
    const cluster: ThrowawayCluster = {
      port,
      superuserUrl: url('postgres', port),
      ownerUrl: url(OWNER_ROLE, port),
      appUrl: url(APP_LOGIN, port),
      stop: async () => {
        if (!running.has(dir)) return;
        await runPostgresTool('pg_ctl', ['-D', dataDir, 'stop', '-m', 'fast', '-w'], dir);
        running.delete(dir);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
    await runSql(url('postgres', port, 'postgres'), [`CREATE ROLE ${OWNER_ROLE} LOGIN CREATEROLE NOSUPERUSER`, `CREATE DATABASE ${HUB_DATABASE} OWNER ${OWNER_ROLE}`]);
    if (options.migrate ?? true) {
      const admin = await openHubAdministration(cluster.ownerUrl);
      try {
        await admin.migrate();
      } finally {
        await admin.close();
      }
      await createAppLogin(cluster);
    }
    return cluster;
  } catch (error) {
    if (started) await runPostgresTool('pg_ctl', ['-D', dataDir, 'stop', '-m', 'immediate', '-w'], dir).catch(() => undefined);
    running.delete(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Creates the login role the hub serves with, as the IT person would (docs/school-hub.md):
 * a member of dala_hub_app, which exists once the migrations ran. Done by the owner (CREATEROLE).
 */
export async function createAppLogin(cluster: ThrowawayCluster): Promise<void> {
  await runSql(cluster.ownerUrl, [`CREATE ROLE ${APP_LOGIN} LOGIN NOSUPERUSER NOBYPASSRLS IN ROLE dala_hub_app`]);
}
