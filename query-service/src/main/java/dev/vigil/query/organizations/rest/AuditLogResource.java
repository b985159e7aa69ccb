package dev.vigil.query.organizations.rest;

import dev.vigil.query.organizations.OrganizationAccess;
import dev.vigil.query.rest.Params;
import dev.vigil.state.accounts.AuditLog;
import dev.vigil.state.accounts.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** The organization's audit log, newest first; for owners (org:admin), since it shows everyone's actions. */
@Path("/api/v1")
public class AuditLogResource {

  @Inject OrganizationAccess organizations;
  @Inject AuditLog log;

  @GET
  @Path("/organizations/{org}/audit-log")
  public Uni<List<AuditLog.Entry>> auditLog(@PathParam("org") String slug, @QueryParam("limit") String limit) {
    int size = Params.intInRange("limit", limit, 100, 1, 1000);
    return organizations.require(slug, Scope.ORG_ADMIN).chain(org -> log.list(org.id, size));
  }
}
