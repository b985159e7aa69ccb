package dev.vigil.query.organizations.rest;

import dev.vigil.query.auth.AuditTrail;
import dev.vigil.query.organizations.OrganizationAccess;
import dev.vigil.query.projects.ProjectAccess;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Organizations;
import dev.vigil.state.accounts.Organizations.Team;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.projects.OrganizationEntity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Teams of an organization, their members and the projects they own. Ownership is informational:
 * every member of the organization sees every project.
 */
@Path("/api/v1")
public class TeamResource {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");

  @Inject OrganizationAccess organizations;
  @Inject ProjectAccess projects;
  @Inject Organizations teams;
  @Inject AuditTrail audit;

  @GET
  @Path("/organizations/{org}/teams")
  public Uni<List<Team>> listTeams(@PathParam("org") String slug) {
    return organizations.require(slug, Scope.TEAM_READ).chain(org -> teams.teams(org.id));
  }

  @POST
  @Path("/organizations/{org}/teams")
  public Uni<RestResponse<Team>> createTeam(@PathParam("org") String slug, TeamRequest body) {
    if (body == null || body.slug() == null || !SLUG.matcher(body.slug()).matches()) {
      throw ApiException.badRequest("slug is required: lower-case letters, digits, '-' or '_', at most 50");
    }
    return organizations
        .require(slug, Scope.TEAM_WRITE)
        .chain(
            org ->
                teams
                    .createTeam(org.id, body.slug(), body.name())
                    .onFailure(IllegalStateException.class)
                    .transform(e -> ApiException.conflict(e.getMessage()))
                    .call(t -> audit.record(org.id, "team.create", "team", t.id(), Map.of("slug", t.slug()))))
        .map(t -> RestResponse.status(Response.Status.CREATED, t));
  }

  @PUT
  @Path("/organizations/{org}/teams/{team}/projects/{projectId}")
  public Uni<RestResponse<Void>> assignProject(
      @PathParam("org") String slug, @PathParam("team") String teamSlug, @PathParam("projectId") long projectId) {
    return organizations
        .require(slug, Scope.TEAM_WRITE)
        .chain(
            org ->
                team(org, teamSlug)
                    .call(
                        team ->
                            projects
                                .require(projectId, Scope.PROJECT_READ)
                                .invoke(
                                    p -> {
                                      if (!p.organization.id.equals(org.id)) {
                                        throw ApiException.notFound("project " + projectId + " does not exist in organization " + slug);
                                      }
                                    }))
                    .call(team -> teams.assignProject(team.id(), projectId))
                    .call(
                        team ->
                            audit.record(
                                org.id, "team.project.assign", "team", team.id(), Map.of("project", String.valueOf(projectId)))))
        .map(t -> RestResponse.noContent());
  }

  @PUT
  @Path("/organizations/{org}/teams/{team}/members/{userId}")
  public Uni<RestResponse<Void>> addMember(
      @PathParam("org") String slug, @PathParam("team") String teamSlug, @PathParam("userId") long userId) {
    return organizations
        .require(slug, Scope.TEAM_WRITE)
        .chain(
            org ->
                team(org, teamSlug)
                    .call(
                        team ->
                            teams
                                .addTeamMember(team.id(), userId)
                                // The only refusal left once the team is known: the user is not in the organization.
                                .onFailure(IllegalArgumentException.class)
                                .transform(e -> ApiException.notFound("user " + userId + " is not a member of the organization")))
                    .call(team -> audit.record(org.id, "team.member.add", "team", team.id(), Map.of("user", String.valueOf(userId)))))
        .map(t -> RestResponse.noContent());
  }

  private Uni<Team> team(OrganizationEntity org, String teamSlug) {
    return teams
        .teams(org.id)
        .map(
            list ->
                list.stream()
                    .filter(t -> t.slug().equals(teamSlug))
                    .findFirst()
                    .orElseThrow(() -> ApiException.notFound("team " + teamSlug + " does not exist")));
  }
}
