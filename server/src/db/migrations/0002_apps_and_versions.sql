-- Apps: an editable draft per app (optimistic concurrency through draft_etag),
-- immutable numbered versions, and publish requests for four-eyes publishing.
-- Runs on PostgreSQL and PGlite. Applied migrations are never edited.

-- No ON DELETE CASCADE anywhere: apps are only ever soft-deleted, and
-- published versions must outlive everything (their trigger refuses DELETE).
CREATE TABLE apps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces (id),
  -- The definition's id; the same rule as the definition's JSON Schema (common-1.json#/$defs/slug).
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  draft jsonb NOT NULL,
  -- Changes on every write of the draft; PUT must name the current one (If-Match).
  draft_etag text NOT NULL CHECK (draft_etag ~ '^[A-Za-z0-9_-]{16,64}$'),
  draft_updated_at timestamptz NOT NULL,
  draft_updated_by uuid NOT NULL REFERENCES users (id),
  requires_four_eyes boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  deleted_at timestamptz,
  deleted_by uuid REFERENCES users (id),
  CHECK ((deleted_at IS NULL) = (deleted_by IS NULL))
);
-- Unique among the apps that are not deleted: a deleted app's slug may be
-- reused, and restoring it is refused while another app holds the slug.
CREATE UNIQUE INDEX apps_workspace_id_slug ON apps (workspace_id, slug) WHERE deleted_at IS NULL;
CREATE INDEX apps_workspace_id ON apps (workspace_id);

CREATE TABLE app_versions (
  app_id uuid NOT NULL REFERENCES apps (id),
  number integer NOT NULL CHECK (number >= 1),
  definition jsonb NOT NULL,
  -- sha256 (hex) of the canonical JSON of the definition.
  definition_hash text NOT NULL CHECK (definition_hash ~ '^[0-9a-f]{64}$'),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  -- Who asked for the publication; with four-eyes, approved_by is who approved it.
  published_by uuid NOT NULL REFERENCES users (id),
  published_at timestamptz NOT NULL,
  approved_by uuid REFERENCES users (id),
  PRIMARY KEY (app_id, number),
  CHECK (approved_by IS NULL OR approved_by <> published_by)
);

CREATE FUNCTION finwright_app_versions_are_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'app_versions are immutable: % is not allowed', TG_OP
    USING ERRCODE = 'P0001', HINT = 'Publish a new version instead of changing or removing one.';
END
$$;

CREATE TRIGGER app_versions_no_update_or_delete
  BEFORE UPDATE OR DELETE ON app_versions
  FOR EACH ROW EXECUTE FUNCTION finwright_app_versions_are_immutable();

CREATE TRIGGER app_versions_no_truncate
  BEFORE TRUNCATE ON app_versions
  FOR EACH STATEMENT EXECUTE FUNCTION finwright_app_versions_are_immutable();

CREATE TABLE publish_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  app_id uuid NOT NULL REFERENCES apps (id),
  requested_by uuid NOT NULL REFERENCES users (id),
  requested_at timestamptz NOT NULL,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  -- The draft that was asked for: approval publishes only this exact definition.
  definition_hash text NOT NULL CHECK (definition_hash ~ '^[0-9a-f]{64}$'),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  -- The version an approval created.
  version_number integer,
  CHECK ((status = 'pending') = (decided_by IS NULL)),
  CHECK ((decided_by IS NULL) = (decided_at IS NULL)),
  CHECK ((status = 'approved') = (version_number IS NOT NULL)),
  -- Four eyes, also in the database: nobody approves their own request (withdrawing it is a rejection).
  CHECK (status <> 'approved' OR decided_by <> requested_by)
);
-- At most one pending request per app.
CREATE UNIQUE INDEX publish_requests_one_pending ON publish_requests (app_id) WHERE status = 'pending';
CREATE INDEX publish_requests_app_id ON publish_requests (app_id);
