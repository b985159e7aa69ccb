package dev.vigil.processor.events;

import dev.vigil.state.issues.IssueEntity;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the processor stored for one test project: its events and spans in ClickHouse, its issues in PostgreSQL. */
final class StoredForProject {

  private final ClickHouseStorage clickhouse;
  private final long projectId;

  StoredForProject(ClickHouseStorage clickhouse, long projectId) {
    this.clickhouse = clickhouse;
    this.projectId = projectId;
  }

  /** Distinct events, counting a row stored twice once. */
  long events() throws Exception {
    try (Connection c = clickhouse.connection();
        PreparedStatement ps = c.prepareStatement(clickhouse.qualify(
            "SELECT count() FROM ${database}.events FINAL WHERE project_id = ?"))) {
      ps.setLong(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The issue ids the stored events carry, ascending. */
  List<Long> issueIdsOfEvents() throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Connection c = clickhouse.connection();
        PreparedStatement ps = c.prepareStatement(clickhouse.qualify(
            "SELECT DISTINCT issue_id FROM ${database}.events WHERE project_id = ? ORDER BY issue_id"))) {
      ps.setLong(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  /** The project's issues in PostgreSQL, by id. */
  List<IssueEntity> issues() throws Throwable {
    return VertxContextSupport.subscribeAndAwait(
        () -> Panache.withSession(() -> IssueEntity.<IssueEntity>list("projectId = ?1 order by id", projectId)));
  }

  /** The spans of a trace, every column as text. */
  List<Map<String, String>> spans(String traceId) throws Exception {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Connection c = clickhouse.connection();
        PreparedStatement ps = c.prepareStatement(clickhouse.qualify(
            "SELECT span_name, span_kind, status_code, parent_span_id, service_name, source"
                + " FROM ${database}.spans FINAL WHERE project_id = ? AND trace_id = ?"))) {
      ps.setLong(1, projectId);
      ps.setString(2, traceId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, String> row = new HashMap<>();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }
}
