/**
 * The hub's second migration: the school's own records (classes, educators, who coaches which
 * class, class memberships, learners' sign-in secrets) travel through the hub like learner rows.
 * Embedded as a string like 0001; never edit a released migration: add the next.
 */
export const sql = String.raw`
-- Same conventions as 0001: times as text COLLATE "C" (ISO strings, byte order = JavaScript order),
-- tie_key the UTF-16BE bytes of the row's canonical JSON, computed in Node. No foreign keys between
-- these tables: a membership or a coaching may reach the hub before its class or educator, and the
-- machine places them.

CREATE TABLE classes (
  school_id uuid NOT NULL,
  class_id text COLLATE "C" NOT NULL,
  name text NOT NULL,
  sign_in_method text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  archived_at text COLLATE "C",
  tie_key bytea NOT NULL,
  change_seq bigint NOT NULL,
  PRIMARY KEY (school_id, class_id)
);

-- No unique username: two machines may each have made one before they synced; the machine decides.
CREATE TABLE educators (
  school_id uuid NOT NULL,
  educator_id text COLLATE "C" NOT NULL,
  username text COLLATE "C" NOT NULL,
  display_name text NOT NULL,
  role text COLLATE "C" NOT NULL,
  -- scrypt hash only: a password never reaches the hub.
  password_hash text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  disabled_at text COLLATE "C",
  tie_key bytea NOT NULL,
  change_seq bigint NOT NULL,
  PRIMARY KEY (school_id, educator_id)
);

CREATE TABLE class_coaches (
  school_id uuid NOT NULL,
  class_id text COLLATE "C" NOT NULL,
  educator_id text COLLATE "C" NOT NULL,
  assigned_at text COLLATE "C" NOT NULL,
  removed_at text COLLATE "C",
  tie_key bytea NOT NULL,
  change_seq bigint NOT NULL,
  PRIMARY KEY (school_id, class_id, educator_id)
);

CREATE TABLE class_members (
  school_id uuid NOT NULL,
  class_id text COLLATE "C" NOT NULL,
  learner_id text COLLATE "C" NOT NULL,
  added_at text COLLATE "C" NOT NULL,
  removed_at text COLLATE "C",
  tie_key bytea NOT NULL,
  change_seq bigint NOT NULL,
  PRIMARY KEY (school_id, class_id, learner_id)
);
-- A learner deletion removes their memberships by learner.
CREATE INDEX class_members_learner ON class_members (school_id, learner_id);

CREATE TABLE learner_secrets (
  school_id uuid NOT NULL,
  learner_id text COLLATE "C" NOT NULL,
  -- Both NULL: the secret was reset ("pick your name") at updated_at.
  kind text COLLATE "C",
  secret_hash text COLLATE "C",
  updated_at text COLLATE "C" NOT NULL,
  tie_key bytea NOT NULL,
  change_seq bigint NOT NULL,
  PRIMARY KEY (school_id, learner_id)
);

CREATE UNIQUE INDEX classes_change_seq ON classes (school_id, change_seq);
CREATE UNIQUE INDEX educators_change_seq ON educators (school_id, change_seq);
CREATE UNIQUE INDEX class_coaches_change_seq ON class_coaches (school_id, change_seq);
CREATE UNIQUE INDEX class_members_change_seq ON class_members (school_id, change_seq);
CREATE UNIQUE INDEX learner_secrets_change_seq ON learner_secrets (school_id, change_seq);

-- The same row-level security as 0001: enabled and forced, the school policy for the app, a
-- permissive policy for the owner.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['classes', 'educators', 'class_coaches', 'class_members', 'learner_secrets'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I TO dala_hub_app
                      USING (school_id = NULLIF(current_setting('app.school_id', true), '')::uuid)
                      WITH CHECK (school_id = NULLIF(current_setting('app.school_id', true), '')::uuid)$p$, t || '_school', t);
    EXECUTE format('CREATE POLICY %I ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t || '_owner', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON classes, educators, class_coaches, class_members, learner_secrets TO dala_hub_app;
`;
