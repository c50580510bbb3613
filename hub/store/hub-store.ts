import type { EnrolRequest, EnrolResponse, HubErrorCode, HubHealth, PullQuery, PullResponse, PushRequest, PushResponse } from '../../electron/common/sync/hub-protocol';

/**
 * What the hub's HTTP layer (hub/server/) needs from PostgreSQL (hub/store/). The HTTP layer
 * parses every body with the protocol's zod schemas first and passes typed values in here.
 * Every method that touches a school's rows runs in a transaction with
 * `SET LOCAL app.school_id`, as the hub's role (no table owned, no BYPASSRLS): row-level
 * security, not this code, keeps schools apart.
 */

/** A machine the hub has authenticated: its credential named it and it is not revoked. */
export interface MachineIdentity {
  machineId: string;
  schoolId: string;
}

/** A refusal with a protocol code; the HTTP layer maps it to a status and `{error:{code,message}}`. */
export class HubError extends Error {
  readonly code: HubErrorCode;
  constructor(code: HubErrorCode, message: string) {
    super(message);
    this.name = 'HubError';
    this.code = code;
  }
}

export interface SchoolGauge {
  schoolId: string;
  /** Enrolled machines whose credential is not revoked. */
  machines: number;
  /** Changes machines have not pulled yet, summed over the school's machines. */
  changesNotYetPulled: number;
  /** Operations machines said were still waiting on them at their last push. */
  pendingOnMachines: number;
}

/** Told the duration of every statement the store runs (metrics, slow-statement log). */
export interface HubStoreObserver {
  /** `name` is a fixed label such as "push.upsert.preferences", never SQL text or values. */
  statement(name: string, durationSeconds: number): void;
}

export interface HubStoreOptions {
  observer?: HubStoreObserver;
  /** Pool size (default 10). */
  maxConnections?: number;
}

/**
 * Roles (docs/school-hub.md): `dala_hub_owner` owns the tables and runs migrate/schools/codes/
 * machines; the first migration creates the NOLOGIN role `dala_hub_app` with the table grants;
 * the IT person creates the login role the server uses as a member of it
 * (`CREATE ROLE dala_hub LOGIN PASSWORD '…' IN ROLE dala_hub_app`). `openHubStore` refuses a
 * role that is a superuser, has BYPASSRLS or owns a hub table.
 */
/** The serving side: used by `dala hub serve` through the hub's own (non-owner) role. */
export interface HubStore {
  health(): Promise<HubHealth>;
  /** Refuses an unknown, expired or revoked code with `code_invalid`. */
  enrolMachine(request: EnrolRequest): Promise<EnrolResponse>;
  /** `unauthorized` for an unknown credential, `revoked` for a revoked one. */
  authenticateMachine(credential: string): Promise<MachineIdentity>;
  /** One transaction under the school's advisory lock; idempotent by operation id. */
  pushBatch(machine: MachineIdentity, request: PushRequest): Promise<PushResponse>;
  pull(machine: MachineIdentity, query: PullQuery): Promise<PullResponse>;
  schoolGauges(): Promise<SchoolGauge[]>;
  /** Waits for statements in flight, then closes the pool. */
  close(): Promise<void>;
}

export interface SchoolCreated {
  schoolId: string;
  name: string;
  enrolmentCode: string;
  /** UTC ISO-8601: 24 hours after creation. */
  codeExpiresAt: string;
}

export interface MachineListing {
  machineId: string;
  schoolId: string;
  schoolName: string;
  name: string;
  enrolledAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

/** The IT person's side: `dala hub migrate|schools|codes|machines`, with the owner's database URL. */
export interface HubAdministration {
  migrate(): Promise<{ from: number; to: number }>;
  createSchool(name: string): Promise<SchoolCreated>;
  /** A fresh code for an existing school (the old ones stay valid until they expire). */
  createEnrolmentCode(schoolId: string): Promise<{ enrolmentCode: string; codeExpiresAt: string }>;
  revokeEnrolmentCodes(schoolId: string): Promise<{ revoked: number }>;
  listSchools(): Promise<Array<{ schoolId: string; name: string; createdAt: string; machines: number }>>;
  listMachines(schoolId?: string): Promise<MachineListing[]>;
  revokeMachine(machineId: string): Promise<MachineListing>;
  close(): Promise<void>;
}
