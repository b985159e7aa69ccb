-- Comments (Sentry "notes") on issues, written through the web API by users or tokens.

CREATE TABLE issue_comments (
    id         BIGSERIAL PRIMARY KEY,
    issue_id   BIGINT      NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    -- The author: a user (session or user token), else the organization token that wrote it; both
    -- null for the installation's admin token. Kept when the token is revoked or the user leaves.
    user_id    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    token_id   BIGINT REFERENCES api_tokens (id) ON DELETE SET NULL,
    text       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- An issue's comments, newest first.
CREATE INDEX issue_comments_issue ON issue_comments (issue_id, created_at DESC, id DESC);
