package dev.vigil.query.dashboards.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.vigil.state.dashboards.Dashboard;
import java.time.Instant;

/** A dashboard with its panels, as GET, POST and PUT answer it. */
public record DashboardJson(
    long id, long projectId, String title, @JsonRawValue String panels, int version, Long createdBy, Instant createdAt, Instant updatedAt) {

  static DashboardJson of(Dashboard d) {
    return new DashboardJson(d.id(), d.projectId(), d.title(), d.panelsJson(), d.version(), d.createdBy(), d.createdAt(), d.updatedAt());
  }
}
