package dev.vigil.state.accounts;

import dev.vigil.state.projects.OrganizationEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Organizations, their members and teams. Every member sees every project of the organization (open membership). */
@ApplicationScoped
public class Organizations {

  /** A member as listed for the organization. */
  public record Member(long userId, String email, String name, Role role) {}

  /** A team and the ids of its members and projects. */
  public record Team(long id, long organizationId, String slug, String name, List<Long> memberIds, List<Long> projectIds) {}

  /** Creates the organization (or takes the existing one with this slug) and makes the user its owner. */
  public Uni<Membership> createWithOwner(String slug, String name, long ownerUserId) {
    return Panache.withTransaction(
        () ->
            OrganizationEntity.<OrganizationEntity>find("slug", slug)
                .firstResult()
                .chain(
                    existing -> {
                      if (existing != null) {
                        return Uni.createFrom().item(existing);
                      }
                      OrganizationEntity org = new OrganizationEntity();
                      org.slug = slug;
                      org.name = name == null || name.isBlank() ? slug : name.trim();
                      return org.<OrganizationEntity>persist();
                    })
                .call(org -> MemberRows.upsert(org.id, ownerUserId, Role.OWNER))
                .map(org -> new Membership(org.id, org.slug, Role.OWNER)));
  }

  /** Adds the user or changes their role; refuses to leave the organization without an owner. */
  public Uni<Membership> setRole(long organizationId, long userId, Role role) {
    return Panache.withTransaction(
        () ->
            lockedOrganization(organizationId)
                .call(
                    org ->
                        UserEntity.<UserEntity>findById(userId)
                            .invoke(
                                user -> {
                                  if (user == null) {
                                    throw new IllegalArgumentException("no user " + userId);
                                  }
                                }))
                .call(
                    org ->
                        MemberRows.role(organizationId, userId)
                            .call(current -> current == Role.OWNER && role != Role.OWNER ? requireAnotherOwner(org) : none()))
                .call(org -> MemberRows.upsert(organizationId, userId, role))
                .map(org -> new Membership(org.id, org.slug, role)));
  }

  /**
   * Removes the member; refuses to remove the last owner. The member also leaves the organization's teams
   * and loses their tokens there, so that inviting them again does not bring old tokens back to life.
   * When this was their last organization their login sessions end too (nothing is left to see in them);
   * a user still in another organization stays logged in, since memberships are read on every request.
   */
  public Uni<Boolean> removeMember(long organizationId, long userId) {
    return Panache.withTransaction(
        () ->
            lockedOrganization(organizationId)
                .chain(
                    org ->
                        MemberRows.role(organizationId, userId)
                            .chain(
                                current -> {
                                  if (current == null) {
                                    return Uni.createFrom().item(false);
                                  }
                                  return (current == Role.OWNER ? requireAnotherOwner(org) : none())
                                      .chain(() -> MemberRows.delete(organizationId, userId))
                                      .call(() -> TeamRows.removeFromTeams(organizationId, userId))
                                      .call(() -> revokeTokens(organizationId, userId))
                                      .call(() -> endSessionsIfNoOrganizationLeft(userId));
                                })));
  }

  /** The organization's members, by email. */
  public Uni<List<Member>> members(long organizationId) {
    return Panache.withSession(() -> MemberRows.ofOrganization(organizationId));
  }

  /** Ids of the organizations' projects, for scoping queries. */
  public Uni<List<Long>> projectIds(List<Long> organizationIds) {
    if (organizationIds.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return Panache.withSession(
        () ->
            Panache.getSession()
                .chain(
                    s ->
                        s.createSelectionQuery(
                                "select p.id from ProjectEntity p where p.organization.id in :orgs order by p.id",
                                Long.class)
                            .setParameter("orgs", organizationIds)
                            .getResultList()));
  }

  /** Creates a team; fails with {@link IllegalStateException} when the organization has one with this slug. */
  public Uni<Team> createTeam(long organizationId, String slug, String name) {
    return Panache.withTransaction(
        () ->
            OrganizationEntity.<OrganizationEntity>findById(organizationId)
                .chain(org -> org == null ? Uni.createFrom().<Void>failure(noOrganization(organizationId)) : none())
                .chain(() -> TeamEntity.<TeamEntity>find("organizationId = ?1 and slug = ?2", organizationId, slug).firstResult())
                .chain(
                    existing -> {
                      if (existing != null) {
                        return Uni.createFrom()
                            .<TeamEntity>failure(new IllegalStateException("team '" + slug + "' already exists in the organization"));
                      }
                      TeamEntity team = new TeamEntity();
                      team.organizationId = organizationId;
                      team.slug = slug;
                      team.name = name == null || name.isBlank() ? slug : name.trim();
                      return team.<TeamEntity>persist();
                    })
                .map(team -> TeamRows.team(team, Map.of(), Map.of())));
  }

  /** The organization's teams, by slug. */
  public Uni<List<Team>> teams(long organizationId) {
    return Panache.withSession(() -> TeamRows.ofOrganization(organizationId));
  }

  /** Adds a member of the team's organization to the team (again: no change). */
  public Uni<Void> addTeamMember(long teamId, long userId) {
    return Panache.withTransaction(
        () ->
            team(teamId)
                .chain(team -> MemberRows.role(team.organizationId, userId))
                .chain(
                    role ->
                        role == null
                            ? Uni.createFrom()
                                .<Void>failure(new IllegalArgumentException(
                                    "user " + userId + " is not a member of the team's organization"))
                            : TeamRows.addMember(teamId, userId)));
  }

  /** Makes the team the project's owner (both in the same organization). */
  public Uni<Void> assignProject(long teamId, long projectId) {
    return Panache.withTransaction(
        () ->
            team(teamId)
                .chain(
                    team ->
                        TeamRows.projectOrganization(projectId)
                            .chain(
                                projectOrg -> {
                                  if (projectOrg == null) {
                                    return Uni.createFrom().<Void>failure(new IllegalArgumentException("no project " + projectId));
                                  }
                                  if (projectOrg != team.organizationId) {
                                    return Uni.createFrom()
                                        .<Void>failure(new IllegalArgumentException(
                                            "project " + projectId + " and team " + teamId + " belong to different organizations"));
                                  }
                                  return TeamRows.assignProject(teamId, projectId);
                                })));
  }

  private static Uni<TeamEntity> team(long teamId) {
    return TeamEntity.<TeamEntity>findById(teamId)
        .onItem()
        .ifNull()
        .failWith(() -> new IllegalArgumentException("no team " + teamId));
  }

  /**
   * The organization, locked until the transaction ends: role changes and removals of one organization
   * run one after the other, so two admins demoting the last two owners at once cannot both succeed.
   */
  private static Uni<OrganizationEntity> lockedOrganization(long organizationId) {
    return OrganizationEntity.<OrganizationEntity>findById(organizationId, LockModeType.PESSIMISTIC_WRITE)
        .onItem()
        .ifNull()
        .failWith(() -> noOrganization(organizationId));
  }

  private static Uni<Void> requireAnotherOwner(OrganizationEntity org) {
    return MemberRows.owners(org.id)
        .invoke(
            owners -> {
              if (owners <= 1) {
                throw new IllegalStateException(
                    "organization '" + org.slug + "' must keep an owner: make another member owner first");
              }
            })
        .replaceWithVoid();
  }

  private static Uni<Void> revokeTokens(long organizationId, long userId) {
    return ApiTokenEntity.update(
            "revokedAt = ?1 where organizationId = ?2 and userId = ?3 and revokedAt is null",
            Instant.now(),
            organizationId,
            userId)
        .replaceWithVoid();
  }

  private static Uni<Void> endSessionsIfNoOrganizationLeft(long userId) {
    return MemberRows.organizationsOf(userId)
        .chain(
            left ->
                left > 0
                    ? none()
                    : SessionEntity.update("revokedAt = ?1 where userId = ?2 and revokedAt is null", Instant.now(), userId)
                        .replaceWithVoid());
  }

  private static IllegalArgumentException noOrganization(long organizationId) {
    return new IllegalArgumentException("no organization " + organizationId);
  }

  private static Uni<Void> none() {
    return Uni.createFrom().voidItem();
  }
}
