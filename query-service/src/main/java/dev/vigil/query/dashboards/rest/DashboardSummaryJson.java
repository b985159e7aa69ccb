package dev.vigil.query.dashboards.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.state.dashboards.Dashboard;
import java.time.Instant;

/** A dashboard in the project's list: what it is called and shows, without the panels. */
public record DashboardSummaryJson(
    long id, String title, int panelCount, int version, Long createdBy, Instant createdAt, Instant updatedAt) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static DashboardSummaryJson of(Dashboard d) {
    int panels;
    try {
      panels = JSON.readTree(d.panelsJson()).size();
    } catch (Exception e) {
      panels = 0;
    }
    return new DashboardSummaryJson(d.id(), d.title(), panels, d.version(), d.createdBy(), d.createdAt(), d.updatedAt());
  }
}
