import type http from 'node:http';
import {
  enrolRequestSchema,
  HUB_PROTOCOL_VERSION,
  machineCredentialSchema,
  pullQuerySchema,
  pushRequestSchema,
  type HubHealth,
} from '../../electron/common/sync/hub-protocol';
import { expectedHubSchemaVersion } from '../store/hub-migrations';
import type { HubStore, MachineIdentity } from '../store/hub-store';
import type { LogFields } from './hub-logger';
import type { HubMetrics } from './hub-metrics';
import { HttpRefusal, refusalFromZod } from './hub-responses';
import { readJsonBody } from './read-body';

/**
 * The hub's routes (electron/common/sync/hub-protocol.ts). Every body and query string is parsed
 * with the protocol's zod schemas before the store sees it, so a bad payload changes nothing.
 */

export interface RouteContext {
  req: http.IncomingMessage;
  store: HubStore;
  metrics: HubMetrics;
  /** Ids the handler learnt (machine, school) and counts, for the request's log line. */
  fields: LogFields;
}

export type RouteAnswer = { status: number; json: unknown } | { status: number; text: string; contentType: string };

export interface HubRoute {
  method: 'GET' | 'POST';
  path: string;
  /** The `route` label of metrics and logs. */
  name: string;
  handle(context: RouteContext): Promise<RouteAnswer>;
}

/** The machine a Bearer credential names; the format is checked before the store is asked. */
async function authenticate(context: RouteContext): Promise<MachineIdentity> {
  const header = context.req.headers.authorization;
  const match = header ? /^Bearer +(\S+)$/i.exec(header) : null;
  const unauthorized = (why: string) => new HttpRefusal('unauthorized', `${why} Enrol this machine with the school's enrolment code.`, 401, { 'WWW-Authenticate': 'Bearer realm="dala-hub"' });
  if (!match?.[1]) throw unauthorized('The request has no machine credential (Authorization: Bearer …).');
  if (!machineCredentialSchema.safeParse(match[1]).success) throw unauthorized('The machine credential is not one this hub issues.');
  const machine = await context.store.authenticateMachine(match[1]);
  context.fields.machineId = machine.machineId;
  context.fields.schoolId = machine.schoolId;
  return machine;
}

/** The query string as one object; a parameter given twice is refused rather than guessed. */
function queryObject(req: http.IncomingMessage): Record<string, string> {
  const params = new URL(req.url ?? '/', 'http://hub').searchParams;
  const query: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (values.length > 1) throw new HttpRefusal('invalid_input', `The query parameter ${key} is given ${values.length} times.`);
    query[key] = values[0] ?? '';
  }
  return query;
}

const enrol: HubRoute = {
  method: 'POST',
  path: '/v1/enrol',
  name: 'enrol',
  async handle(context) {
    const parsed = enrolRequestSchema.safeParse(await readJsonBody(context.req));
    if (!parsed.success) throw refusalFromZod(parsed.error, 'The enrolment request is not valid');
    const enrolled = await context.store.enrolMachine(parsed.data);
    context.fields.machineId = enrolled.machineId;
    context.fields.schoolId = enrolled.schoolId;
    return { status: 200, json: enrolled };
  },
};

const push: HubRoute = {
  method: 'POST',
  path: '/v1/push',
  name: 'push',
  async handle(context) {
    const endTimer = context.metrics.pushDuration.startTimer();
    // Authenticate first: an unknown machine does not get to make the hub read 8 MB.
    const machine = await authenticate(context);
    const parsed = pushRequestSchema.safeParse(await readJsonBody(context.req));
    if (!parsed.success) throw refusalFromZod(parsed.error, 'The push is not valid');
    const result = await context.store.pushBatch(machine, parsed.data);
    endTimer();
    context.metrics.operationsReceived.inc(result.received);
    context.metrics.duplicateOperations.inc(result.duplicates);
    context.metrics.rowsPushed.inc(result.changed);
    Object.assign(context.fields, { received: result.received, duplicates: result.duplicates, changed: result.changed });
    return { status: 200, json: result };
  },
};

const pull: HubRoute = {
  method: 'GET',
  path: '/v1/pull',
  name: 'pull',
  async handle(context) {
    const endTimer = context.metrics.pullDuration.startTimer();
    const machine = await authenticate(context);
    const parsed = pullQuerySchema.safeParse(queryObject(context.req));
    if (!parsed.success) throw refusalFromZod(parsed.error, 'The pull query is not valid');
    const result = await context.store.pull(machine, parsed.data);
    endTimer();
    context.metrics.rowsPulled.inc(result.changes.length);
    context.fields.pulled = result.changes.length;
    return { status: 200, json: result };
  },
};

const health: HubRoute = {
  method: 'GET',
  path: '/health',
  name: 'health',
  async handle(context) {
    let state: HubHealth;
    try {
      state = await context.store.health();
    } catch {
      // The store answers unhealthy itself; if even that fails, the answer is still a health body.
      state = { status: 'unavailable', database: false, schemaVersion: null, expectedSchemaVersion: expectedHubSchemaVersion(), protocolVersion: HUB_PROTOCOL_VERSION };
    }
    return { status: state.status === 'ok' ? 200 : 503, json: state };
  },
};

const metrics: HubRoute = {
  method: 'GET',
  path: '/metrics',
  name: 'metrics',
  async handle(context) {
    return { status: 200, text: await context.metrics.scrape(), contentType: context.metrics.contentType };
  },
};

export const HUB_ROUTES: readonly HubRoute[] = [enrol, push, pull, health, metrics];

/** The route for a request, or the refusal: 404 for an unknown path, 405 for a known one with the wrong method. */
export function matchRoute(method: string | undefined, url: string | undefined): HubRoute {
  const pathname = new URL(url ?? '/', 'http://hub').pathname;
  const candidates = HUB_ROUTES.filter((route) => route.path === pathname);
  if (candidates.length === 0) throw new HttpRefusal('not_found', `There is no ${pathname} on this hub (routes: /v1/enrol, /v1/push, /v1/pull, /health, /metrics).`);
  const route = candidates.find((r) => r.method === method || (method === 'HEAD' && r.method === 'GET'));
  if (!route) {
    const allowed = candidates.map((r) => r.method).join(', ');
    throw new HttpRefusal('not_found', `${pathname} answers ${allowed}, not ${method ?? 'this method'}.`, 405, { Allow: allowed });
  }
  return route;
}
