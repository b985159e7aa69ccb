-- The issue list sorted by firstSeen walks a project's issues newest first in chunks (keyset after
-- the last one), like the lastSeen sort does with issues_project_last_seen: without this index every
-- chunk sorted all of the project's issues.
CREATE INDEX issues_project_first_seen ON issues (project_id, first_seen DESC);
