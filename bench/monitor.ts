import fs from 'node:fs';
import { now } from './timing';

export interface StallReport {
  /** The longest the main thread was kept from its event loop by work on it (see below). */
  longestStallMs: number;
  /** The longest wall-clock gap between two 1 ms ticks, whatever the cause (other processes included). */
  longestGapMs: number;
  peakRssBytes: number;
}

export interface StallMonitor {
  /** Runs `work` (synchronously) outside the measurement: what another process would do (the renderer's side of IPC). */
  exclude<T>(work: () => T): T;
  /** Starts a new peak-RSS window (e.g. when the restore starts). */
  resetPeakRss(): void;
  stop(): StallReport;
}

const DEBUG = process.env.DALA_BENCH_DEBUG === '1';

/** The main thread's scheduler statistics (Linux): [ns on a CPU, ns runnable but waiting for a CPU]. */
function schedstatReader(): (() => [number, number]) | undefined {
  let fd: number;
  try {
    fd = fs.openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return undefined;
  }
  const buffer = Buffer.alloc(128);
  return () => {
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    const [onCpu, waiting] = buffer.toString('latin1', 0, n).split(' ');
    return [Number(onCpu), Number(waiting)];
  };
}

/**
 * Watches the main thread with a 1 ms interval: each gap between ticks beyond the 1 ms is a stall.
 * On Linux the time the thread sat runnable while the OS ran other processes (this machine is
 * shared) is read from /proc/thread-self/schedstat and taken off, so `longestStallMs` is what the
 * app's own work on the thread cost; `longestGapMs` keeps the plain wall-clock view. Also samples
 * the process RSS (worker threads included).
 */
export function startStallMonitor(): StallMonitor {
  const sched = schedstatReader();
  const started = now();
  let last = started;
  let lastWait = sched ? sched()[1] : 0;
  let excluded = 0;
  let excludedWait = 0;
  let longestStall = 0;
  let longestGap = 0;
  let peakRss = process.memoryUsage.rss();
  const tick = () => {
    const t = now();
    const wait = sched ? sched()[1] : lastWait;
    const gap = Math.max(0, t - last - 1 - excluded);
    longestGap = Math.max(longestGap, gap);
    const stall = gap - (wait - lastWait - excludedWait) / 1e6;
    longestStall = Math.max(longestStall, stall);
    if (DEBUG && gap > 20) process.stderr.write(`[monitor] at ${Math.round(t - started)} ms: gap ${gap.toFixed(1)} ms, stall ${stall.toFixed(1)} ms\n`);
    last = t;
    lastWait = wait;
    excluded = 0;
    excludedWait = 0;
    const rss = process.memoryUsage.rss();
    if (rss > peakRss) peakRss = rss;
  };
  const timer = setInterval(tick, 1);
  return {
    exclude: (work) => {
      const start = now();
      const waitBefore = sched ? sched()[1] : 0;
      try {
        return work();
      } finally {
        excluded += now() - start;
        if (sched) excludedWait += sched()[1] - waitBefore;
      }
    },
    resetPeakRss: () => {
      peakRss = process.memoryUsage.rss();
    },
    stop: () => {
      tick();
      clearInterval(timer);
      return { longestStallMs: longestStall, longestGapMs: longestGap, peakRssBytes: peakRss };
    },
  };
}
