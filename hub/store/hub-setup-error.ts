/**
 * A hub that cannot start as configured: wrong role, database not migrated or newer than this
 * code, database unreachable at start. The CLI prints the message and exits; it names what to do.
 */
export class HubSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HubSetupError';
  }
}

/** `user@host:port/database` of a database URL, never its password (messages and logs). */
export function describeDatabase(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
    return `${user}${url.hostname || 'localhost'}${url.port ? `:${url.port}` : ''}${url.pathname || ''}`;
  } catch {
    return 'the database URL given';
  }
}
