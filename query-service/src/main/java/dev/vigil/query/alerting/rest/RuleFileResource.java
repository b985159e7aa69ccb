package dev.vigil.query.alerting.rest;

import static dev.vigil.query.alerting.rest.RuleGroupResource.BASE;

import dev.vigil.query.alerting.RuleGroupDocuments;
import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.alerting.AlertRuleGroup;
import dev.vigil.state.alerting.AlertRuleGroups;
import dev.vigil.state.alerting.RuleGroupSpec;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Prometheus rule files as they are: {@code PUT} a rules.yml to make its namespace hold exactly its groups
 * (groups of the same name keep their id, so firing alerts stay firing), {@code GET} it back as YAML,
 * {@code DELETE} it. The namespace is the file's name.
 */
// Class path /api/v1: see MetricCatalogResource.
@Path("/api/v1")
public class RuleFileResource {

  static final String YAML = "application/yaml";

  @Inject ProjectAccess access;
  @Inject AlertRuleGroups groups;
  @Inject AlertingAudit audit;

  @PUT
  @Path(BASE + "/rule-files/{namespace}")
  @Consumes({YAML, "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain", "application/octet-stream"})
  public Uni<List<RuleGroupJson>> replace(@PathParam("projectId") long projectId, @PathParam("namespace") String namespace, String body) {
    String ns = RuleGroupDocuments.namespace(namespace);
    List<RuleGroupSpec> specs = RuleGroupDocuments.fromFile(ns, body);
    return access.require(projectId, Scope.ALERTS_WRITE)
        .chain(p -> groups.replaceNamespace(p.id, ns, specs).call(gs -> audit.record(p, "rule_file.replace", "rule_file", ns, ns)))
        .map(gs -> gs.stream().map(RuleGroupJson::of).toList());
  }

  @GET
  @Path(BASE + "/rule-files/{namespace}")
  @Produces(YAML)
  public Uni<String> export(@PathParam("projectId") long projectId, @PathParam("namespace") String namespace) {
    String ns = RuleGroupDocuments.namespace(namespace);
    return access.require(projectId, Scope.ALERTS_READ)
        .chain(p -> groups.namespace(p.id, ns))
        .map(gs -> RuleGroupDocuments.render(existing(gs, ns)));
  }

  @DELETE
  @Path(BASE + "/rule-files/{namespace}")
  public Uni<RestResponse<Void>> delete(@PathParam("projectId") long projectId, @PathParam("namespace") String namespace) {
    String ns = RuleGroupDocuments.namespace(namespace);
    return access.require(projectId, Scope.ALERTS_WRITE)
        .chain(
            p ->
                groups.deleteNamespace(p.id, ns)
                    .map(
                        n -> {
                          if (n == 0) {
                            throw notFound(ns);
                          }
                          return n;
                        })
                    .call(n -> audit.record(p, "rule_file.delete", "rule_file", ns, ns)))
        .map(n -> RestResponse.noContent());
  }

  private static List<AlertRuleGroup> existing(List<AlertRuleGroup> gs, String ns) {
    if (gs.isEmpty()) {
      throw notFound(ns);
    }
    return gs;
  }

  private static ApiException notFound(String ns) {
    return ApiException.notFound("the project has no rule file " + ns);
  }
}
