import type { z } from 'zod';
import {
  enrolResponseSchema,
  hubErrorBodySchema,
  pullResponseSchema,
  pushResponseSchema,
  type EnrolRequest,
  type EnrolResponse,
  type HubErrorCode,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../electron/common/sync/hub-protocol';

/**
 * The machine's HTTP client of the school hub (routes in hub-protocol.ts). Every answer is parsed
 * with the protocol's schemas: the hub is another program on the network, not trusted code. Every
 * failure becomes a HubRequestError whose `kind` says what the machine does next, with a sentence
 * a teacher can act on; the credential is sent only as the Authorization header and never appears
 * in an error.
 */

export const HUB_REQUEST_TIMEOUT_MS = 15_000;

/**
 * - `offline`: no answer (network down, hub stopped, timeout) or the hub said "try later": keep
 *   everything and try again later;
 * - `revoked`: the hub does not accept this machine's credential any more;
 * - `code_invalid`: the enrolment code is unknown, expired or revoked;
 * - `too_large`: the request was larger than the hub reads;
 * - `error`: any other refusal, or an answer that is not the hub's protocol.
 */
export type HubFailureKind = 'offline' | 'revoked' | 'code_invalid' | 'too_large' | 'error';

export class HubRequestError extends Error {
  constructor(
    readonly kind: HubFailureKind,
    message: string,
    readonly status?: number,
    readonly hubCode?: HubErrorCode,
  ) {
    super(message);
    this.name = 'HubRequestError';
  }
}

export interface HubClientOptions {
  /** The hub's address as stored at enrolment, e.g. https://hub.school.example:8443. */
  hubUrl: string;
  /** The machine credential; not needed to enrol. */
  credential?: string;
  timeoutMs?: number;
  /** Tests and shells may pass another fetch; the global one (Node 20) otherwise. */
  fetch?: typeof fetch;
}

export interface HubClient {
  enrol(request: EnrolRequest): Promise<EnrolResponse>;
  push(request: PushRequest): Promise<PushResponse>;
  pull(after: number, limit: number): Promise<PullResponse>;
}

const OFFLINE = 'The school hub cannot be reached just now. Changes wait on this machine and are sent when it can be reached again.';
const NOT_A_HUB =
  'The school hub sent an answer this app does not understand. Check the hub address, and that the hub and this app are up to date.';

const TOO_LARGE = 'The changes are larger than the school hub accepts in one request.';

/** Keeps a hub's own words short and on one line. */
const hubSaid = (message: string) => message.replace(/\s+/g, ' ').trim().slice(0, 200);

const REVOKED = "This machine's credential was revoked by the school hub. An admin must leave the school hub and enrol the machine again with a new code.";
const UNKNOWN_MACHINE = 'The school hub does not accept this machine any more. An admin must leave the school hub and enrol the machine again with a new code.';

/** A non-2xx answer: by the hub's error code when it sent one, else by the HTTP status (a proxy in front of it, or not a hub). */
function refusal(status: number, body: unknown): HubRequestError {
  const parsed = hubErrorBodySchema.safeParse(body);
  if (!parsed.success) {
    if (status === 502 || status === 503 || status === 504) return new HubRequestError('offline', OFFLINE, status);
    if (status === 401 || status === 403) return new HubRequestError('revoked', UNKNOWN_MACHINE, status);
    if (status === 413) return new HubRequestError('too_large', TOO_LARGE, status);
    return new HubRequestError('error', `${NOT_A_HUB} (HTTP ${status})`, status);
  }
  const { code, message } = parsed.data.error;
  const said = message ? ` The hub said: "${hubSaid(message)}".` : '';
  switch (code) {
    case 'unavailable':
      return new HubRequestError('offline', OFFLINE, status, code);
    case 'revoked':
      return new HubRequestError('revoked', REVOKED, status, code);
    case 'unauthorized':
      return new HubRequestError('revoked', UNKNOWN_MACHINE, status, code);
    case 'code_invalid':
      return new HubRequestError('code_invalid', "That enrolment code is not valid: it is unknown, expired or was revoked. Ask the hub's IT person for a new one.", status, code);
    case 'payload_too_large':
      return new HubRequestError('too_large', TOO_LARGE, status, code);
    case 'invalid_input':
      return new HubRequestError('error', `The school hub refused the request as not valid.${said}`, status, code);
    default:
      return new HubRequestError('error', `The school hub could not handle the request (${code}).${said}`, status, code);
  }
}

export function createHubClient(options: HubClientOptions): HubClient {
  const base = options.hubUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? HUB_REQUEST_TIMEOUT_MS;

  async function request<S extends z.ZodType>(method: 'GET' | 'POST', route: string, schema: S, body?: unknown, authorised = true): Promise<z.output<S>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (authorised) {
      if (!options.credential) throw new HubRequestError('revoked', 'This machine has no credential for the school hub. An admin must enrol it again.');
      headers.authorization = `Bearer ${options.credential}`;
    }
    let response: Response;
    let text: string;
    try {
      // A redirect is not followed: the credential must go to the address the admin typed and nowhere else.
      response = await doFetch(`${base}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
      text = await response.text();
    } catch {
      // Refused, unknown host, reset, timed out: all "not reachable now". The cause is not shown (it may hold the address).
      throw new HubRequestError('offline', OFFLINE);
    }
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (response.status < 200 || response.status > 299) throw refusal(response.status, json);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new HubRequestError('error', NOT_A_HUB, response.status);
    return parsed.data;
  }

  return {
    enrol: (body) => request('POST', '/v1/enrol', enrolResponseSchema, body, false),
    push: (body) => request('POST', '/v1/push', pushResponseSchema, body),
    pull: (after, limit) => request('GET', `/v1/pull?after=${after}&limit=${limit}`, pullResponseSchema),
  };
}
