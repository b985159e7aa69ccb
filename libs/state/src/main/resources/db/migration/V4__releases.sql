-- Releases, deploys and source-map artifact bundles, as sentry-cli creates them through the
-- Sentry-compatible web API. Bundles name their release by version text (as Sentry does), so deleting a
-- release does not delete the source maps uploaded for it.

CREATE TABLE releases (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT      NOT NULL REFERENCES organizations (id),
    version         TEXT        NOT NULL,
    ref             TEXT,
    url             TEXT,
    date_created    TIMESTAMPTZ NOT NULL DEFAULT now(),
    date_started    TIMESTAMPTZ,
    date_released   TIMESTAMPTZ,
    UNIQUE (organization_id, version)
);
CREATE INDEX releases_organization_created ON releases (organization_id, date_created DESC, id DESC);

CREATE TABLE release_projects (
    release_id BIGINT NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    PRIMARY KEY (release_id, project_id)
);
CREATE INDEX release_projects_project ON release_projects (project_id);

-- Commits as sentry-cli sends them (set-commits): a head ref per repository, or a list of commits.
CREATE TABLE release_commits (
    id              BIGSERIAL PRIMARY KEY,
    release_id      BIGINT      NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    repository      TEXT        NOT NULL,
    commit_id       TEXT        NOT NULL,
    previous_commit TEXT,
    author_name     TEXT,
    author_email    TEXT,
    message         TEXT,
    committed_at    TIMESTAMPTZ,
    UNIQUE (release_id, repository, commit_id)
);

CREATE TABLE deploys (
    id            BIGSERIAL PRIMARY KEY,
    release_id    BIGINT      NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    environment   TEXT        NOT NULL,
    name          TEXT,
    url           TEXT,
    date_started  TIMESTAMPTZ,
    date_finished TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX deploys_release ON deploys (release_id, date_finished DESC);

-- Chunks of an upload in progress, named by their SHA-1; deleted once assembled or after a day.
CREATE TABLE upload_chunks (
    organization_id BIGINT      NOT NULL REFERENCES organizations (id),
    checksum        TEXT        NOT NULL,
    size            INTEGER     NOT NULL,
    data            BYTEA       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, checksum)
);
CREATE INDEX upload_chunks_created ON upload_chunks (created_at);

-- An assembled artifact bundle (sentry-cli's zip: manifest.json and files/...), by its whole SHA-1.
CREATE TABLE artifact_bundles (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT      NOT NULL REFERENCES organizations (id),
    checksum        TEXT        NOT NULL,
    bundle_id       TEXT,
    release         TEXT,
    dist            TEXT,
    file_count      INTEGER     NOT NULL,
    date_created    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (organization_id, checksum)
);
CREATE INDEX artifact_bundles_release ON artifact_bundles (organization_id, release, dist);

CREATE TABLE artifact_bundle_projects (
    bundle_id  BIGINT NOT NULL REFERENCES artifact_bundles (id) ON DELETE CASCADE,
    project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    PRIMARY KEY (bundle_id, project_id)
);
CREATE INDEX artifact_bundle_projects_project ON artifact_bundle_projects (project_id);

-- One file of a bundle: its URL (~/app.min.js), type (minified_source, source_map, ...), the
-- headers sentry-cli wrote (Sourcemap, debug-id) and the bytes.
CREATE TABLE artifact_bundle_files (
    id        BIGSERIAL PRIMARY KEY,
    bundle_id BIGINT NOT NULL REFERENCES artifact_bundles (id) ON DELETE CASCADE,
    path      TEXT   NOT NULL,
    url       TEXT   NOT NULL,
    type      TEXT   NOT NULL DEFAULT '',
    debug_id  TEXT,
    sourcemap TEXT,
    headers   JSONB  NOT NULL DEFAULT '{}',
    sha1      TEXT   NOT NULL,
    size      INTEGER NOT NULL,
    content   BYTEA  NOT NULL
);
CREATE INDEX artifact_bundle_files_url ON artifact_bundle_files (bundle_id, url);
CREATE INDEX artifact_bundle_files_debug_id ON artifact_bundle_files (debug_id) WHERE debug_id IS NOT NULL;
