import v8 from 'node:v8';
import { BENCH_CALLER } from './dispatch';
import type { ChannelDispatcher } from '../database/channels/dispatch';
import type { JobStatusView } from '../electron/common/transfer-views';
import type { StallMonitor } from './monitor';
import { now, sleep } from './timing';

/**
 * The window's calls as Electron makes them: the payload is JSON text (the preload's) sent as a
 * structured clone made in the renderer and read back on the main thread, the answer the other way round. The renderer's
 * halves happen in another process, so they are kept out of the main-thread measurement; the
 * main thread's halves (reading the request, writing the reply) are the transport's cost, timed
 * separately (`transport.longestMs`), and the handler itself is what the stall monitor watches.
 */
export interface Transport {
  monitor?: StallMonitor;
  /** The longest single main-thread copy for IPC, in ms. */
  longestMs: number;
  /** The largest IPC message either way, in bytes of its structured clone. */
  largestBytes: number;
}

export function newTransport(monitor?: StallMonitor): Transport {
  return { monitor, longestMs: 0, largestBytes: 0 };
}

function outside<T>(transport: Transport, work: () => T): T {
  return transport.monitor ? transport.monitor.exclude(work) : work();
}

function timedCopy<T>(transport: Transport, work: () => T): T {
  return outside(transport, () => {
    const start = now();
    const result = work();
    transport.longestMs = Math.max(transport.longestMs, now() - start);
    return result;
  });
}

export async function callOverIpc<T>(transport: Transport, handlers: ChannelDispatcher, name: string, payload: unknown): Promise<T> {
  // The preload sends the input as JSON text (made in the renderer); main reads the clone of that text.
  const sent = outside(transport, () => v8.serialize(JSON.stringify(payload ?? {})));
  const text = timedCopy(transport, () => v8.deserialize(sent) as string);
  const answer = await handlers.dispatchText(name, text, BENCH_CALLER);
  const reply = timedCopy(transport, () => v8.serialize(answer));
  transport.largestBytes = Math.max(transport.largestBytes, sent.byteLength, reply.byteLength);
  const received = outside(transport, () => v8.deserialize(reply) as typeof answer);
  if (!received.ok) throw new Error(`${name} failed: ${received.error.code} ${received.error.message}`);
  return received.value as T;
}

/** Starts a job and polls getJobStatus like the window does, until it has finished. */
export async function runJob(transport: Transport, handlers: ChannelDispatcher, name: 'startBackup' | 'startRestore', payload: unknown, pollMs = 10): Promise<JobStatusView> {
  const { jobId } = await callOverIpc<{ jobId: string }>(transport, handlers, name, payload);
  for (;;) {
    await sleep(pollMs);
    const view = await callOverIpc<JobStatusView>(transport, handlers, 'getJobStatus', { jobId });
    if (view.state === 'done') return view;
    if (view.state === 'failed') throw new Error(`the ${name} job failed: ${view.error?.code} ${view.error?.message}`);
  }
}
