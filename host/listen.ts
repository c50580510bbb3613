import type { Server } from 'node:http';

/** The host could not start listening: the message says what to do, and is printed as one line. */
export class HostStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostStartError';
  }
}

function listenOnce(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ host, port, exclusive: true });
  });
}

export interface ListenResult {
  port: number;
  /** True when `port` was taken and a free port was chosen instead. */
  fellBack: boolean;
}

/**
 * Listens on `host:port` (0 picks a free port). When the port is taken and `fallbackToFreePort`
 * is set, listens on a free port instead; otherwise says how to choose another port.
 */
export async function listenOnLoopback(server: Server, host: string, port: number, fallbackToFreePort: boolean): Promise<ListenResult> {
  try {
    return { port: await listenOnce(server, host, port), fellBack: false };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' && fallbackToFreePort && port !== 0) {
      return { port: await listenOnce(server, host, 0), fellBack: true };
    }
    if (code === 'EADDRINUSE') throw new HostStartError(`Port ${port} is already in use. Choose another with --port N (--port 0 picks a free one).`);
    if (code === 'EACCES') throw new HostStartError(`Port ${port} cannot be used by this user. Choose a port above 1023 with --port N.`);
    throw new HostStartError(`Cannot listen on ${host}:${port} (${code ?? (error as Error).message}).`);
  }
}
