-- Alerting (issue 6): rules, their alerts' state, notification channels, the delivery outbox, silences.
-- Configuration is edited through query-service; alert-service evaluates and delivers. Everything a
-- restart must not forget (an alert firing since when, what was already sent) lives here.

-- A Prometheus rule group. namespace is the rule file it came from (Cortex/Mimir's ruler calls it so);
-- groups created in the UI live in namespace 'vigil'. rules holds the group's rules in the JSON shape of
-- a rule file (alert|record, expr, for, keep_firing_for, labels, annotations).
CREATE TABLE alert_rule_groups (
    id                 BIGSERIAL PRIMARY KEY,
    project_id         BIGINT      NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    namespace          TEXT        NOT NULL,
    name               TEXT        NOT NULL,
    interval_seconds   INTEGER     CHECK (interval_seconds > 0),
    alert_limit        INTEGER     NOT NULL DEFAULT 0,
    rules              JSONB       NOT NULL,
    version            INTEGER     NOT NULL DEFAULT 1,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- written by the evaluator: when the group last ran, how long it took, and why it failed
    last_evaluation_at TIMESTAMPTZ,
    last_evaluation_ms INTEGER,
    last_error         TEXT,
    UNIQUE (project_id, namespace, name)
);

-- Error rules: alert on a new issue, a regression, an issue seen at least threshold times in the
-- window, or the project's event volume, optionally only for one environment and a minimum level.
CREATE TABLE error_alert_rules (
    id                 BIGSERIAL PRIMARY KEY,
    project_id         BIGINT      NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name               TEXT        NOT NULL,
    trigger            TEXT        NOT NULL CHECK (trigger IN ('new_issue', 'regression', 'frequency', 'volume')),
    threshold          INTEGER     NOT NULL DEFAULT 1 CHECK (threshold > 0),
    window_seconds     INTEGER     NOT NULL DEFAULT 60 CHECK (window_seconds > 0),
    environment        TEXT,
    min_level          TEXT        CHECK (min_level IN ('debug', 'info', 'warning', 'error', 'fatal')),
    labels             JSONB       NOT NULL DEFAULT '{}',
    enabled            BOOLEAN     NOT NULL DEFAULT true,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_evaluation_at TIMESTAMPTZ,
    last_error         TEXT,
    UNIQUE (project_id, name)
);

-- When an issue row was created, by the database's clock: new-issue rules look at recently created
-- issues (first_seen is the event's own, client-side time). Rows that exist already get the
-- migration's time, which is only ever compared with rules created after it.
ALTER TABLE issues ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX issues_project_created ON issues (project_id, created_at);
CREATE INDEX issues_project_regressed ON issues (project_id, regressed_at) WHERE regressed_at IS NOT NULL;

-- The state of every alert a rule produced: pending, firing, or resolved (kept a while so that the
-- resolution is notified and shown). rule_key is 'group:<group id>/<index>/<name>' or 'error:<rule id>'; fingerprint
-- hashes the alert's labels (alertname included).
CREATE TABLE alert_instances (
    rule_key           TEXT             NOT NULL,
    fingerprint        BIGINT           NOT NULL,
    project_id         BIGINT           NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    rule_name          TEXT             NOT NULL,
    labels             JSONB            NOT NULL,
    annotations        JSONB            NOT NULL,
    state              TEXT             NOT NULL CHECK (state IN ('pending', 'firing', 'resolved')),
    value              DOUBLE PRECISION NOT NULL,
    active_at          TIMESTAMPTZ      NOT NULL,
    fired_at           TIMESTAMPTZ,
    resolved_at        TIMESTAMPTZ,
    keep_firing_since  TIMESTAMPTZ,
    last_evaluated_at  TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (rule_key, fingerprint)
);
CREATE INDEX alert_instances_project_state ON alert_instances (project_id, state);

-- Every state change of every alert, for the UI's history.
CREATE TABLE alert_history (
    id          BIGSERIAL PRIMARY KEY,
    project_id  BIGINT           NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    rule_key    TEXT             NOT NULL,
    rule_name   TEXT             NOT NULL,
    fingerprint BIGINT           NOT NULL,
    labels      JSONB            NOT NULL,
    from_state  TEXT             NOT NULL,
    to_state    TEXT             NOT NULL,
    value       DOUBLE PRECISION NOT NULL,
    at          TIMESTAMPTZ      NOT NULL
);
CREATE INDEX alert_history_project_at ON alert_history (project_id, at DESC, id DESC);

-- Where a project's alerts go. settings: discord/slack {url}, webhook {url, secret}, email {to: [...]}.
-- matchers (Prometheus selector text, '' = every alert) choose the alerts; group_by and the three
-- intervals group them into notifications as Alertmanager's routes do.
CREATE TABLE notification_channels (
    id                      BIGSERIAL PRIMARY KEY,
    project_id              BIGINT      NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name                    TEXT        NOT NULL,
    type                    TEXT        NOT NULL CHECK (type IN ('discord', 'slack', 'webhook', 'email')),
    settings                JSONB       NOT NULL,
    matchers                TEXT        NOT NULL DEFAULT '',
    group_by                JSONB       NOT NULL DEFAULT '["alertname"]',
    group_wait_seconds      INTEGER     NOT NULL DEFAULT 30 CHECK (group_wait_seconds >= 0),
    group_interval_seconds  INTEGER     NOT NULL DEFAULT 300 CHECK (group_interval_seconds > 0),
    repeat_interval_seconds INTEGER     NOT NULL DEFAULT 14400 CHECK (repeat_interval_seconds > 0),
    send_resolved           BOOLEAN     NOT NULL DEFAULT true,
    enabled                 BOOLEAN     NOT NULL DEFAULT true,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (project_id, name)
);

-- The dispatcher's memory per (channel, group): when the group appeared, when it was last notified and
-- which alerts that notification carried, so a restart neither re-sends nor forgets.
CREATE TABLE notification_groups (
    channel_id     BIGINT      NOT NULL REFERENCES notification_channels (id) ON DELETE CASCADE,
    group_key      TEXT        NOT NULL,
    group_labels   JSONB       NOT NULL,
    first_seen_at  TIMESTAMPTZ NOT NULL,
    last_flush_at  TIMESTAMPTZ,
    last_firing    JSONB       NOT NULL DEFAULT '[]',
    last_resolved  JSONB       NOT NULL DEFAULT '[]',
    PRIMARY KEY (channel_id, group_key)
);

-- Outbox and delivery log in one: the dispatcher inserts a pending row in the transaction that
-- decides to notify; any alert-service replica claims due rows (FOR UPDATE SKIP LOCKED), sends, and
-- records the outcome. payload is the channel-independent notification, rendered at send time.
CREATE TABLE notification_deliveries (
    id               BIGSERIAL PRIMARY KEY,
    channel_id       BIGINT      NOT NULL REFERENCES notification_channels (id) ON DELETE CASCADE,
    project_id       BIGINT      NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    group_key        TEXT        NOT NULL,
    kind             TEXT        NOT NULL CHECK (kind IN ('alert', 'test')),
    status           TEXT        NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    firing_count     INTEGER     NOT NULL DEFAULT 0,
    resolved_count   INTEGER     NOT NULL DEFAULT 0,
    payload          JSONB       NOT NULL,
    attempts         INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_status_code INTEGER,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at          TIMESTAMPTZ
);
CREATE INDEX notification_deliveries_due ON notification_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_deliveries_channel ON notification_deliveries (channel_id, created_at DESC);
CREATE INDEX notification_deliveries_project ON notification_deliveries (project_id, created_at DESC);

-- Silences: alerts whose labels match every matcher between starts_at and ends_at are not notified.
CREATE TABLE alert_silences (
    id          BIGSERIAL PRIMARY KEY,
    project_id  BIGINT      NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    matchers    TEXT        NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL CHECK (ends_at > starts_at),
    comment     TEXT        NOT NULL DEFAULT '',
    created_by  TEXT        NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX alert_silences_project_ends ON alert_silences (project_id, ends_at);

-- Leader election among alert-service replicas: one row per job, held by whoever renewed it last
-- before it expired. Only the holder evaluates rules, so no alert is decided twice.
CREATE TABLE alerting_leases (
    name       TEXT PRIMARY KEY,
    owner      TEXT        NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
