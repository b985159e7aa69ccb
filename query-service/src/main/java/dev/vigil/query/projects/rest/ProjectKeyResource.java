package dev.vigil.query.projects.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.query.auth.AuditTrail;
import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.projects.KeyChange;
import dev.vigil.state.projects.ProjectKeyEntity;
import dev.vigil.state.projects.ProjectKeys;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Managing a project's DSN keys: listing (project:read), adding, changing and rotating (project:write). The
 * ingestion edges cache keys, so changes reach SDKs once the edges' cached entry expires.
 */
@Path("/api/v1/projects/{id}/keys")
public class ProjectKeyResource {

  @Inject ProjectAccess access;
  @Inject AuditTrail audit;
  @Inject ProjectKeys keys;
  @Inject Dsns dsns;

  @GET
  public Uni<List<KeyJson>> list(@PathParam("id") long id) {
    return access.require(id, Scope.PROJECT_READ).chain(p -> keys.ofProject(p.id)).map(ks -> ks.stream().map(this::toJson).toList());
  }

  @POST
  public Uni<RestResponse<KeyJson>> add(@PathParam("id") long id) {
    return access
        .require(id, Scope.PROJECT_WRITE)
        .chain(
            p ->
                keys.add(p.id, "Default")
                    .call(k -> audit.record(p.organization.id, "project.key.create", "project", p.id, Map.of("publicKey", k.publicKey))))
        .map(k -> RestResponse.status(Response.Status.CREATED, toJson(k)));
  }

  @PUT
  @Path("/{publicKey}")
  public Uni<KeyJson> update(@PathParam("id") long id, @PathParam("publicKey") String publicKey, JsonNode body) {
    KeyChange change = KeyChanges.parse(body);
    return access
        .require(id, Scope.PROJECT_WRITE)
        .chain(
            p ->
                keys.update(p.id, publicKey, change)
                    .map(k -> found(k, id, publicKey))
                    .call(k -> audit.record(p.organization.id, "project.key.update", "project", p.id, detail(k, change))))
        .map(this::toJson);
  }

  @POST
  @Path("/{publicKey}/rotate")
  public Uni<RestResponse<KeyJson>> rotate(@PathParam("id") long id, @PathParam("publicKey") String publicKey) {
    return access
        .require(id, Scope.PROJECT_WRITE)
        .chain(
            p ->
                keys.rotate(p.id, publicKey)
                    .map(r -> found(r, id, publicKey))
                    .call(
                        r ->
                            audit.record(
                                p.organization.id,
                                "project.key.rotate",
                                "project",
                                p.id,
                                Map.of("publicKey", r.replaced().publicKey, "replacement", r.replacement().publicKey))))
        .map(r -> RestResponse.status(Response.Status.CREATED, toJson(r.replacement())));
  }

  private static <T> T found(T key, long projectId, String publicKey) {
    if (key == null) {
      throw ApiException.notFound("project " + projectId + " has no key " + publicKey);
    }
    return key;
  }

  /** What changed, for the audit log (the secret key is never part of it). */
  private static Map<String, String> detail(ProjectKeyEntity k, KeyChange change) {
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("publicKey", k.publicKey);
    if (change.label() != null) {
      detail.put("label", change.label());
    }
    if (change.active() != null) {
      detail.put("active", change.active().toString());
    }
    if (change.clearLimit()) {
      detail.put("rateLimitPerMinute", "none");
    } else if (change.rateLimitPerMinute() != null) {
      detail.put("rateLimitPerMinute", change.rateLimitPerMinute().toString());
    }
    return detail;
  }

  private KeyJson toJson(ProjectKeyEntity k) {
    return new KeyJson(k.publicKey, dsns.dsn(k.publicKey, k.projectId), k.label, k.active, k.rateLimitPerMinute, k.createdAt);
  }
}
