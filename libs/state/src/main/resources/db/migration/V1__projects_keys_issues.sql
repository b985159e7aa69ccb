-- Identity and workflow state. Signals (events, spans, logs, samples) live in ClickHouse.

CREATE TABLE organizations (
    id          BIGSERIAL PRIMARY KEY,
    slug        TEXT        NOT NULL UNIQUE,
    name        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE projects (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT      NOT NULL REFERENCES organizations (id),
    slug            TEXT        NOT NULL,
    name            TEXT        NOT NULL,
    platform        TEXT        NOT NULL DEFAULT 'other',
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (organization_id, slug)
);

-- DSN keys: the public key is what SDKs send; the secret key is only accepted for old SDKs.
CREATE TABLE project_keys (
    id                    BIGSERIAL PRIMARY KEY,
    project_id            BIGINT      NOT NULL REFERENCES projects (id),
    public_key            TEXT        NOT NULL UNIQUE,
    secret_key            TEXT        NOT NULL,
    label                 TEXT        NOT NULL DEFAULT 'Default',
    active                BOOLEAN     NOT NULL DEFAULT TRUE,
    rate_limit_per_minute INTEGER,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX project_keys_project ON project_keys (project_id);

-- One row per group of events. Counts come from ClickHouse; this row holds identity and workflow.
CREATE TABLE issues (
    id                   BIGSERIAL PRIMARY KEY,
    project_id           BIGINT      NOT NULL REFERENCES projects (id),
    grouping_hash        TEXT        NOT NULL,
    title                TEXT        NOT NULL,
    culprit              TEXT        NOT NULL DEFAULT '',
    type                 TEXT        NOT NULL DEFAULT '',
    level                TEXT        NOT NULL DEFAULT 'error',
    platform             TEXT        NOT NULL DEFAULT 'other',
    status               TEXT        NOT NULL DEFAULT 'unresolved',
    first_seen           TIMESTAMPTZ NOT NULL,
    last_seen            TIMESTAMPTZ NOT NULL,
    first_release        TEXT,
    last_release         TEXT,
    resolved_at          TIMESTAMPTZ,
    resolved_in_release  TEXT,
    regressed_at         TIMESTAMPTZ,
    grouping_config      TEXT        NOT NULL DEFAULT '',
    grouping_components  TEXT        NOT NULL DEFAULT '[]',
    UNIQUE (project_id, grouping_hash)
);
CREATE INDEX issues_project_last_seen ON issues (project_id, last_seen DESC);
CREATE INDEX issues_project_status ON issues (project_id, status);
