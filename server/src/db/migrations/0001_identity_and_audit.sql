-- Identity (workspaces, users, memberships, sessions, API tokens, login
-- throttling) and the append-only audit log. Runs on PostgreSQL and PGlite.
-- Applied migrations are never edited: change the schema in a new file.

-- Role names: lower-case words such as admin, builder, maker, checker.
CREATE FUNCTION finwright_valid_roles(roles text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(bool_and(role IS NOT NULL AND role ~ '^[a-z][a-z0-9_-]*$'), true) FROM unnest(roles) AS role
$$;

CREATE TABLE workspaces (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Stored lower-case so 'Alice' and 'alice' cannot both exist (no citext needed).
  username text NOT NULL UNIQUE CHECK (username = lower(username) AND username ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  password_hash text NOT NULL,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  roles text[] NOT NULL DEFAULT '{}' CHECK (finwright_valid_roles(roles)),
  PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX memberships_user_id ON memberships (user_id);

-- A browser session. id is the sha256 (hex) of the cookie's token: a leaked
-- table does not yield usable cookies. Logout and expiry set revoked_at.
CREATE TABLE sessions (
  id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  csrf_token_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user_id ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

-- Tokens for automation: shown once, stored as a hash, scoped to a workspace and roles.
CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  token_hash text NOT NULL UNIQUE,
  roles text[] NOT NULL DEFAULT '{}' CHECK (finwright_valid_roles(roles)),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);
CREATE INDEX api_tokens_workspace_id ON api_tokens (workspace_id);

-- One row per failed login, keyed e.g. 'user:alice' or 'ip:203.0.113.7';
-- throttling counts the recent rows of a key, and old rows can be deleted.
CREATE TABLE login_failures (
  key text NOT NULL,
  failed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key_failed_at ON login_failures (key, failed_at);

-- Append-only, hash-chained: hash = sha256(prev_hash + canonical JSON of the
-- entry), computed by the server. No foreign keys: the log must outlive
-- whatever it mentions.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  workspace_id uuid,
  actor text NOT NULL,
  action text NOT NULL,
  target text,
  request_id text,
  summary jsonb NOT NULL DEFAULT '{}',
  prev_hash text CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX audit_log_workspace_id_id ON audit_log (workspace_id, id);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE FUNCTION finwright_audit_log_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'P0001', HINT = 'Audit entries can only be added, never changed or removed.';
END
$$;

CREATE TRIGGER audit_log_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION finwright_audit_log_is_append_only();

-- TRUNCATE fires no row triggers: it needs its own, statement-level one.
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION finwright_audit_log_is_append_only();
