/**
 * The hub's first migration, embedded as a string so that it ships inside any bundle of the hub
 * (out/main/hub.js) with nothing to copy beside it. Never edit a released migration: add the next.
 */
export const sql = String.raw`
-- The school hub's first schema (DESIGN.md, "The school hub"). Applied by hub/store/hub-migrations.ts
-- in one transaction, as the role that will own every table (dala_hub_owner in docs/school-hub.md).
--
-- Security: the hub serves as a login role that is a member of dala_hub_app, which owns nothing and
-- has no BYPASSRLS. Every table has row-level security enabled AND forced, so even the owner goes
-- through a policy; the app's policies let a transaction see only the school named by
-- "SET LOCAL app.school_id" (set_config(..., true)). NULLIF: a custom setting that was once set on a
-- pooled connection reads '' afterwards, and ''::uuid would be an error rather than "no school".
--
-- Row data keeps the exact values of the profile-file record form: timestamps as text COLLATE "C"
-- (ISO strings compare like JavaScript strings, and round-trip byte for byte), details as json (the
-- text as sent, not jsonb). The tie-break keys (bytea) are the UTF-16BE bytes of canonical JSON,
-- computed by the hub in Node, so bytea order is JavaScript string order.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dala_hub_app') THEN
    IF NOT (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) THEN
      RAISE EXCEPTION 'The role % cannot create the role dala_hub_app: give it CREATEROLE (ALTER ROLE % CREATEROLE), or create the role first (CREATE ROLE dala_hub_app NOLOGIN).', current_user, current_user;
    END IF;
    CREATE ROLE dala_hub_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;

CREATE TABLE hub_schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE schools (
  school_id uuid PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE school_sequences (
  school_id uuid PRIMARY KEY REFERENCES schools (school_id),
  last_seq bigint NOT NULL DEFAULT 0
);

CREATE TABLE enrolment_codes (
  -- SHA-256 (hex) of the normalised code: the code itself is never stored.
  code_hash text PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools (school_id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX enrolment_codes_school ON enrolment_codes (school_id);

CREATE TABLE machines (
  machine_id uuid PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools (school_id),
  name text NOT NULL,
  -- SHA-256 (hex) of the credential's 256-bit secret.
  credential_hash text NOT NULL UNIQUE,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  revoked_at timestamptz,
  -- The "after" of the machine's latest pull: it has everything up to there.
  last_pulled_seq bigint NOT NULL DEFAULT 0,
  -- Operations the machine said were still waiting at its latest push.
  pending_reported integer NOT NULL DEFAULT 0
);
CREATE INDEX machines_school ON machines (school_id);

CREATE TABLE applied_operations (
  school_id uuid NOT NULL,
  op_id uuid NOT NULL,
  machine_id uuid NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_id, op_id)
);

CREATE TABLE learners (
  school_id uuid NOT NULL,
  learner_id text COLLATE "C" NOT NULL,
  display_name text NOT NULL,
  name_key bytea NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  last_updated_at text COLLATE "C" NOT NULL,
  change_seq bigint NOT NULL,
  PRIMARY KEY (school_id, learner_id)
);

CREATE TABLE learner_deletions (
  school_id uuid NOT NULL,
  learner_id text COLLATE "C" NOT NULL,
  deleted_at text COLLATE "C" NOT NULL,
  change_seq bigint NOT NULL,
  PRIMARY KEY (school_id, learner_id)
);

CREATE TABLE preferences (
  school_id uuid NOT NULL,
  learner_id text COLLATE "C" NOT NULL,
  category text COLLATE "C" NOT NULL,
  value text NOT NULL,
  "timestamp" text COLLATE "C" NOT NULL,
  deleted_at text COLLATE "C",
  tie_key bytea NOT NULL,
  change_seq bigint NOT NULL,
  PRIMARY KEY (school_id, learner_id, category)
);

CREATE TABLE interests (
  school_id uuid NOT NULL,
  learner_id text COLLATE "C" NOT NULL,
  interest_name text COLLATE "C" NOT NULL,
  "timestamp" text COLLATE "C" NOT NULL,
  deleted_at text COLLATE "C",
  tie_key bytea NOT NULL,
  change_seq bigint NOT NULL,
  PRIMARY KEY (school_id, learner_id, interest_name)
);

CREATE TABLE struggles (
  school_id uuid NOT NULL,
  learner_id text COLLATE "C" NOT NULL,
  struggle_description text COLLATE "C" NOT NULL,
  "timestamp" text COLLATE "C" NOT NULL,
  deleted_at text COLLATE "C",
  tie_key bytea NOT NULL,
  change_seq bigint NOT NULL,
  PRIMARY KEY (school_id, learner_id, struggle_description)
);

CREATE TABLE cognitive_metrics (
  school_id uuid NOT NULL,
  learner_id text COLLATE "C" NOT NULL,
  task_name text COLLATE "C" NOT NULL,
  metric_details json NOT NULL,
  "timestamp" text COLLATE "C" NOT NULL,
  tie_key bytea NOT NULL,
  change_seq bigint NOT NULL,
  PRIMARY KEY (school_id, learner_id, task_name)
);

CREATE TABLE lo_progress (
  school_id uuid NOT NULL,
  learner_id text COLLATE "C" NOT NULL,
  lo_id text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL,
  -- STATUS_RANK of electron/common/lo-progress-rules.ts, written by the hub with the status.
  status_rank smallint NOT NULL,
  started_at text COLLATE "C" NOT NULL,
  completed_at text COLLATE "C",
  score double precision,
  details json,
  -- UTF-16BE of canonicalJson(details) ("null" when there are none): the details tie-break.
  details_key bytea NOT NULL,
  change_seq bigint NOT NULL,
  PRIMARY KEY (school_id, learner_id, lo_id)
);

CREATE TABLE badges (
  school_id uuid NOT NULL,
  learner_id text COLLATE "C" NOT NULL,
  badge_id text COLLATE "C" NOT NULL,
  badge_name text NOT NULL,
  earned_date text COLLATE "C" NOT NULL,
  details json,
  tie_key bytea NOT NULL,
  change_seq bigint NOT NULL,
  PRIMARY KEY (school_id, learner_id, badge_id)
);

CREATE TABLE activity_attempts (
  school_id uuid NOT NULL,
  -- An attempt uid is unique in a school; an attempt never moves to another learner.
  attempt_uid text COLLATE "C" NOT NULL,
  learner_id text COLLATE "C" NOT NULL,
  lo_id text COLLATE "C" NOT NULL,
  activity_id text NOT NULL,
  activity_type text NOT NULL,
  attempt_timestamp text COLLATE "C" NOT NULL,
  score double precision,
  completed boolean NOT NULL,
  attempt_details json,
  tie_key bytea NOT NULL,
  change_seq bigint NOT NULL,
  PRIMARY KEY (school_id, attempt_uid)
);
CREATE INDEX activity_attempts_learner ON activity_attempts (school_id, learner_id);

-- Pull reads each table by (school, change_seq > cursor); unique, because every effective change
-- gets its own number.
CREATE UNIQUE INDEX learners_change_seq ON learners (school_id, change_seq);
CREATE UNIQUE INDEX learner_deletions_change_seq ON learner_deletions (school_id, change_seq);
CREATE UNIQUE INDEX preferences_change_seq ON preferences (school_id, change_seq);
CREATE UNIQUE INDEX interests_change_seq ON interests (school_id, change_seq);
CREATE UNIQUE INDEX struggles_change_seq ON struggles (school_id, change_seq);
CREATE UNIQUE INDEX cognitive_metrics_change_seq ON cognitive_metrics (school_id, change_seq);
CREATE UNIQUE INDEX lo_progress_change_seq ON lo_progress (school_id, change_seq);
CREATE UNIQUE INDEX badges_change_seq ON badges (school_id, change_seq);
CREATE UNIQUE INDEX activity_attempts_change_seq ON activity_attempts (school_id, change_seq);

-- Row-level security on every table, forced, with the school policy for the app and a permissive
-- policy for the owner (the role running this migration) so that administration works under FORCE.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['schools', 'school_sequences', 'enrolment_codes', 'machines', 'applied_operations', 'learners', 'learner_deletions',
                           'preferences', 'interests', 'struggles', 'cognitive_metrics', 'lo_progress', 'badges', 'activity_attempts'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I TO dala_hub_app
                      USING (school_id = NULLIF(current_setting('app.school_id', true), '')::uuid)
                      WITH CHECK (school_id = NULLIF(current_setting('app.school_id', true), '')::uuid)$p$, t || '_school', t);
    EXECUTE format('CREATE POLICY %I ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t || '_owner', t);
  END LOOP;
END
$$;

ALTER TABLE hub_schema_migrations ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub_schema_migrations FORCE ROW LEVEL SECURITY;
CREATE POLICY hub_schema_migrations_read ON hub_schema_migrations FOR SELECT TO dala_hub_app USING (true);
CREATE POLICY hub_schema_migrations_owner ON hub_schema_migrations TO CURRENT_USER USING (true) WITH CHECK (true);

-- Before the school is known: a machine is found by its credential, an enrolment code by its hash.
CREATE POLICY machines_by_credential ON machines FOR SELECT TO dala_hub_app
  USING (credential_hash = NULLIF(current_setting('app.credential_hash', true), ''));
CREATE POLICY enrolment_codes_by_hash ON enrolment_codes FOR SELECT TO dala_hub_app
  USING (code_hash = NULLIF(current_setting('app.enrolment_code_hash', true), ''));

GRANT SELECT ON hub_schema_migrations, schools, enrolment_codes TO dala_hub_app;
GRANT SELECT, UPDATE ON school_sequences TO dala_hub_app;
GRANT SELECT, INSERT, UPDATE ON machines TO dala_hub_app;
GRANT SELECT, INSERT ON applied_operations TO dala_hub_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON learners, learner_deletions, preferences, interests, struggles, cognitive_metrics, lo_progress, badges, activity_attempts TO dala_hub_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO dala_hub_app;

-- The gauges of /metrics span every school, which the app's policies never show it: this function
-- runs as the owner and returns counts only, never a row.
CREATE FUNCTION hub_school_gauges()
  RETURNS TABLE (school_id uuid, machines integer, changes_not_yet_pulled bigint, pending_on_machines bigint)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT s.school_id,
         count(m.machine_id)::integer,
         coalesce(sum(greatest(q.last_seq - m.last_pulled_seq, 0)), 0)::bigint,
         coalesce(sum(m.pending_reported), 0)::bigint
    FROM schools s
    JOIN school_sequences q ON q.school_id = s.school_id
    LEFT JOIN machines m ON m.school_id = s.school_id AND m.revoked_at IS NULL
   GROUP BY s.school_id
   ORDER BY s.school_id
$$;
REVOKE ALL ON FUNCTION hub_school_gauges() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hub_school_gauges() TO dala_hub_app;
`;
