package dev.vigil.state.accounts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Team memberships and project ownership, read and written in the caller's session. */
final class TeamRows {

  private TeamRows() {}

  private static final String MEMBERS_BY_TEAM =
      "SELECT tm.team_id, tm.user_id FROM team_members tm JOIN teams t ON t.id = tm.team_id"
          + " WHERE t.organization_id = :org ORDER BY tm.user_id";

  private static final String PROJECTS_BY_TEAM =
      "SELECT team_id, id FROM projects WHERE organization_id = :org AND team_id IS NOT NULL ORDER BY id";

  /** The organization's teams with their members and projects, by slug. */
  static Uni<List<Organizations.Team>> ofOrganization(long organizationId) {
    return TeamEntity.<TeamEntity>list("organizationId = ?1 order by slug", organizationId)
        .chain(
            teams ->
                pairs(MEMBERS_BY_TEAM, organizationId)
                    .chain(
                        members ->
                            pairs(PROJECTS_BY_TEAM, organizationId)
                                .map(projects -> teams.stream().map(t -> team(t, members, projects)).toList())));
  }

  static Organizations.Team team(TeamEntity t, Map<Long, List<Long>> members, Map<Long, List<Long>> projects) {
    return new Organizations.Team(t.id, t.organizationId, t.slug, t.name, members.getOrDefault(t.id, List.of()),
        projects.getOrDefault(t.id, List.of()));
  }

  static Uni<Void> addMember(long teamId, long userId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "INSERT INTO team_members (team_id, user_id) VALUES (:team, :user) ON CONFLICT DO NOTHING")
                    .setParameter("team", teamId)
                    .setParameter("user", userId)
                    .executeUpdate())
        .replaceWithVoid();
  }

  /** Takes the user out of every team of the organization (they are leaving it). */
  static Uni<Void> removeFromTeams(long organizationId, long userId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "DELETE FROM team_members WHERE user_id = :user"
                            + " AND team_id IN (SELECT id FROM teams WHERE organization_id = :org)")
                    .setParameter("user", userId)
                    .setParameter("org", organizationId)
                    .executeUpdate())
        .replaceWithVoid();
  }

  /** The project's organization id, or null when there is no such project. */
  static Uni<Long> projectOrganization(long projectId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery("SELECT organization_id FROM projects WHERE id = :project", Long.class)
                    .setParameter("project", projectId)
                    .getSingleResultOrNull());
  }

  static Uni<Void> assignProject(long teamId, long projectId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery("UPDATE projects SET team_id = :team WHERE id = :project")
                    .setParameter("team", teamId)
                    .setParameter("project", projectId)
                    .executeUpdate())
        .replaceWithVoid();
  }

  /** Rows of (team id, other id) grouped by team id, in row order. */
  private static Uni<Map<Long, List<Long>>> pairs(String sql, long organizationId) {
    return Panache.getSession()
        .chain(s -> s.createNativeQuery(sql, Object[].class).setParameter("org", organizationId).getResultList())
        .map(
            rows -> {
              Map<Long, List<Long>> byTeam = new HashMap<>();
              for (Object[] row : rows) {
                byTeam
                    .computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>())
                    .add(((Number) row[1]).longValue());
              }
              return byTeam;
            });
  }
}
