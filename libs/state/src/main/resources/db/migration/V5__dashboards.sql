-- Dashboards: a project's saved panels (PromQL, issues, traces, log volume), edited in the web UI.
-- The panels are one JSON document: the UI reads and writes a dashboard whole, and query-service
-- validates the document (kinds, sizes) before it is stored.

CREATE TABLE dashboards (
    id          BIGSERIAL PRIMARY KEY,
    project_id  BIGINT      NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    title       TEXT        NOT NULL,
    panels      JSONB       NOT NULL DEFAULT '[]',
    -- Incremented by every change, so that a save based on an older copy is refused (409), not lost.
    version     INTEGER     NOT NULL DEFAULT 1,
    -- Who created it: a user, or null for tokens without a user; kept when the user leaves.
    created_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A project's dashboards by title.
CREATE INDEX dashboards_project ON dashboards (project_id, title);
