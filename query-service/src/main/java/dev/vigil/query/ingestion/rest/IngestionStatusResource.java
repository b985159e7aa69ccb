package dev.vigil.query.ingestion.rest;

import dev.vigil.query.ingestion.OtlpEndpoints;
import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.OffEventLoop;
import dev.vigil.state.accounts.Scope;
import dev.vigil.storage.clickhouse.read.ingestion.IngestionReads;
import dev.vigil.storage.clickhouse.read.ingestion.LastArrivals;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a project's SDKs are sending yet: the newest error event, span, log record and metric
 * sample, with the OTLP endpoints to send to and the header that carries the key. The setup page polls it until data arrives.
 */
@Path("/api/v1")
public class IngestionStatusResource {

  /** Spans, logs and samples are kept 30 days (events 90): older data could not show up anyway. */
  static final Duration WINDOW = Duration.ofDays(30);

  /** Null timestamps: nothing of that signal since {@code since}. */
  public record IngestionStatus(
      Instant since,
      Instant lastEventAt,
      Instant lastSpanAt,
      Instant lastLogAt,
      Instant lastMetricAt,
      String otlpGrpcUrl,
      String otlpHttpUrl,
      String otlpAuthHeader) {}

  @Inject ProjectAccess projects;
  @Inject IngestionReads reads;
  @Inject OtlpEndpoints otlp;

  @GET
  @Path("/projects/{projectId}/ingestion-status")
  public Uni<IngestionStatus> ingestionStatus(@PathParam("projectId") long projectId) {
    Instant since = Instant.now().minus(WINDOW);
    return projects.require(projectId, Scope.PROJECT_READ)
        .chain(() -> OffEventLoop.call(() -> reads.lastArrivals(projectId, since)))
        .map(last -> of(since, last));
  }

  private IngestionStatus of(Instant since, LastArrivals last) {
    return new IngestionStatus(
        since, last.lastEvent(), last.lastSpan(), last.lastLog(), last.lastMetric(), otlp.publicGrpcUrl(), otlp.publicHttpUrl(),
        otlp.authHeader());
  }
}
