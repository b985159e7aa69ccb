-- Accounts and access control: users, organization members and teams, API tokens, login sessions,
-- invitations, login throttling and the audit log. Secrets (tokens, session cookies, invitation links)
-- are stored only as SHA-256 hex of the secret; passwords only as bcrypt hashes.

CREATE TABLE users (
    id            BIGSERIAL PRIMARY KEY,
    email         TEXT        NOT NULL,
    name          TEXT        NOT NULL,
    -- NULL for users who cannot log in with a password (e.g. future single sign-on users).
    password_hash TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    disabled_at   TIMESTAMPTZ
);
-- The application stores emails lower-cased; the index keeps them unique case-insensitively anyway.
CREATE UNIQUE INDEX users_email ON users (lower(email));

CREATE TABLE organization_members (
    organization_id BIGINT      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            TEXT        NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX organization_members_user ON organization_members (user_id);

CREATE TABLE teams (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    slug            TEXT        NOT NULL,
    name            TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (organization_id, slug)
);

CREATE TABLE team_members (
    team_id    BIGINT      NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user ON team_members (user_id);

-- The team that owns a project (informational: every member of the organization sees every project).
ALTER TABLE projects ADD COLUMN team_id BIGINT REFERENCES teams (id) ON DELETE SET NULL;
CREATE INDEX projects_team ON projects (team_id);

CREATE TABLE api_tokens (
    id              BIGSERIAL PRIMARY KEY,
    token_hash      TEXT        NOT NULL UNIQUE,
    -- The first characters of the token, so that a user can recognise it in a list.
    prefix          TEXT        NOT NULL,
    organization_id BIGINT      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    -- NULL for an organization token; else the token acts for this user.
    user_id         BIGINT REFERENCES users (id) ON DELETE CASCADE,
    name            TEXT        NOT NULL,
    scopes          TEXT[]      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at    TIMESTAMPTZ,
    expires_at      TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ
);
CREATE INDEX api_tokens_organization ON api_tokens (organization_id, user_id);

CREATE TABLE sessions (
    id           BIGSERIAL PRIMARY KEY,
    secret_hash  TEXT        NOT NULL UNIQUE,
    user_id      BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Idle timeout counts from here; refreshed at most once a minute.
    last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Absolute end, whatever the activity.
    expires_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ,
    user_agent   TEXT,
    client_ip    TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE invitations (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email           TEXT        NOT NULL,
    role            TEXT        NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    secret_hash     TEXT        NOT NULL UNIQUE,
    invited_by      BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at      TIMESTAMPTZ NOT NULL,
    accepted_at     TIMESTAMPTZ
);
CREATE INDEX invitations_organization ON invitations (organization_id);

CREATE TABLE audit_log (
    id              BIGSERIAL PRIMARY KEY,
    organization_id BIGINT      NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    -- Kept as plain ids (no foreign keys): the trail must outlive the users and tokens it names.
    actor_user_id   BIGINT,
    actor_token_id  BIGINT,
    action          TEXT        NOT NULL,
    target_type     TEXT,
    target_id       TEXT,
    detail          JSONB       NOT NULL DEFAULT '{}',
    client_ip       TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_organization_created ON audit_log (organization_id, created_at DESC, id DESC);

-- Failed password logins, for throttling by email and by client address. Rows older than the window are
-- pruned as new failures arrive.
CREATE TABLE login_failures (
    id        BIGSERIAL PRIMARY KEY,
    -- Set to NULL by a successful login for the email: the failure then only counts against the address.
    email     TEXT,
    client_ip TEXT,
    failed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_email ON login_failures (email, failed_at);
CREATE INDEX login_failures_client_ip ON login_failures (client_ip, failed_at);
CREATE INDEX login_failures_failed_at ON login_failures (failed_at);
