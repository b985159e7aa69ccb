package dev.vigil.query.alerting.rest;

import static dev.vigil.query.alerting.rest.RuleGroupResource.BASE;

import dev.vigil.query.alerting.ActiveSilences;
import dev.vigil.query.alerting.AlertingConfig;
import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.query.rest.Params;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.alerting.AlertReads;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;

/** A project's alerts now (with the silences muting them) and the history of their state changes. */
// Class path /api/v1: see MetricCatalogResource.
@Path("/api/v1")
public class AlertResource {

  static final List<String> STATES = List.of("firing", "pending", "resolved");

  @Inject ProjectAccess access;
  @Inject AlertReads reads;
  @Inject ActiveSilences silences;
  @Inject AlertingConfig config;

  /** {@code state}: firing, pending, resolved, or all (the default); several may be given comma-separated. */
  @GET
  @Path(BASE + "/alerts")
  public Uni<List<AlertJson>> alerts(@PathParam("projectId") long projectId, @QueryParam("state") String state) {
    List<String> states = states(state);
    Instant now = Instant.now();
    return access.require(projectId, Scope.ALERTS_READ)
        .chain(
            p ->
                silences.at(p.id, now)
                    .chain(
                        active ->
                            reads.instances(p.id, states, config.maxListSize())
                                .map(as -> as.stream().map(a -> AlertJson.of(a, ActiveSilences.muting(active, a.labels(), now))).toList())));
  }

  /** State changes newest first; {@code before} is the id of the last change of the previous page. */
  @GET
  @Path(BASE + "/history")
  public Uni<List<HistoryJson>> history(@PathParam("projectId") long projectId, @QueryParam("limit") String limit, @QueryParam("before") String before) {
    int n = Params.intInRange("limit", limit, 100, 1, config.maxListSize());
    Long beforeId = AlertingParams.id("before", before);
    return access.require(projectId, Scope.ALERTS_READ)
        .chain(p -> reads.history(p.id, n, beforeId))
        .map(es -> es.stream().map(HistoryJson::of).toList());
  }

  static List<String> states(String state) {
    if (state == null || state.isBlank() || state.strip().equals("all")) {
      return STATES;
    }
    List<String> states = List.of(state.strip().split("\\s*,\\s*"));
    for (String s : states) {
      if (!STATES.contains(s)) {
        throw ApiException.badRequest("state must be firing, pending, resolved or all");
      }
    }
    return states;
  }
}
