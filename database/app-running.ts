import fs from 'node:fs';
import path from 'node:path';

/**
 * A marker the app and the browser host keep in the data folder while they have the database
 * open, so that `dala db rollback` and `dala snapshot restore` (which put another file in place of
 * the database) can refuse while a window still has the old one open.
 */
const MARKER = 'dala.running';

export function markAppRunning(dataDir: string, pid: number = process.pid): () => void {
  const file = path.join(dataDir, MARKER);
  try {
    fs.writeFileSync(file, JSON.stringify({ pid, startedAt: new Date().toISOString() }));
  } catch {
    // A read-only folder fails at the database already; the marker is only a guard.
  }
  return () => {
    try {
      const current = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: number };
      if (current.pid === pid) fs.rmSync(file, { force: true });
    } catch {
      // Gone already.
    }
  };
}

/** The process id of a running app on this data folder, if one is alive (a marker left by a crash is ignored). */
export function runningAppPid(dataDir: string): number | undefined {
  let pid: number | undefined;
  try {
    pid = (JSON.parse(fs.readFileSync(path.join(dataDir, MARKER), 'utf8')) as { pid?: number }).pid;
  } catch {
    return undefined;
  }
  if (typeof pid !== 'number' || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is running.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}
