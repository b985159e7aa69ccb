package dev.vigil.state.dashboards;

import java.time.Instant;

/**
 * A saved dashboard of a project.
 *
 * @param panelsJson the panels as a JSON array, validated by the API before it was stored
 * @param version incremented by every change; an update names the version it was based on
 * @param createdBy the user who created it, or null (token without a user, or a removed user)
 */
public record Dashboard(
    long id, long projectId, String title, String panelsJson, int version, Long createdBy, Instant createdAt, Instant updatedAt) {}
