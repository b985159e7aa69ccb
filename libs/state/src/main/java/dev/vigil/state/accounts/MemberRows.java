package dev.vigil.state.accounts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Rows of organization_members, read and written in the caller's session (a membership is a pair of
 * ids and a role, so plain SQL with an upsert says it more directly than an entity with a composite key).
 */
final class MemberRows {

  private MemberRows() {}

  /** The user's role in the organization, or null when they are not a member. */
  static Uni<Role> role(long organizationId, long userId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "SELECT role FROM organization_members WHERE organization_id = :org AND user_id = :user",
                        String.class)
                    .setParameter("org", organizationId)
                    .setParameter("user", userId)
                    .getSingleResultOrNull())
        .map(role -> role == null ? null : Role.parse(role));
  }

  /** The user's memberships, oldest organization first. */
  static Uni<List<Membership>> ofUser(long userId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "SELECT m.organization_id, o.slug, m.role FROM organization_members m"
                            + " JOIN organizations o ON o.id = m.organization_id"
                            + " WHERE m.user_id = :user ORDER BY o.id",
                        Object[].class)
                    .setParameter("user", userId)
                    .getResultList())
        .map(
            rows ->
                rows.stream()
                    .map(r -> new Membership(((Number) r[0]).longValue(), (String) r[1], Role.parse((String) r[2])))
                    .toList());
  }

  /** The organization's members by email. */
  static Uni<List<Organizations.Member>> ofOrganization(long organizationId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "SELECT u.id, u.email, u.name, m.role FROM organization_members m"
                            + " JOIN users u ON u.id = m.user_id"
                            + " WHERE m.organization_id = :org ORDER BY u.email",
                        Object[].class)
                    .setParameter("org", organizationId)
                    .getResultList())
        .map(
            rows ->
                rows.stream()
                    .map(
                        r ->
                            new Organizations.Member(
                                ((Number) r[0]).longValue(), (String) r[1], (String) r[2], Role.parse((String) r[3])))
                    .toList());
  }

  /** Adds the member with this role, or changes the role of an existing member. */
  static Uni<Void> upsert(long organizationId, long userId, Role role) {
    return update(
        "INSERT INTO organization_members (organization_id, user_id, role) VALUES (:org, :user, :role)"
            + " ON CONFLICT (organization_id, user_id) DO UPDATE SET role = EXCLUDED.role",
        organizationId,
        userId,
        role);
  }

  /** Adds the member unless they already are one (whose role then stays as it is). */
  static Uni<Void> insertIfAbsent(long organizationId, long userId, Role role) {
    return update(
        "INSERT INTO organization_members (organization_id, user_id, role) VALUES (:org, :user, :role)"
            + " ON CONFLICT (organization_id, user_id) DO NOTHING",
        organizationId,
        userId,
        role);
  }

  /** Removes the membership; true when there was one. */
  static Uni<Boolean> delete(long organizationId, long userId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery("DELETE FROM organization_members WHERE organization_id = :org AND user_id = :user")
                    .setParameter("org", organizationId)
                    .setParameter("user", userId)
                    .executeUpdate())
        .map(count -> count > 0);
  }

  /** How many organizations the user belongs to. */
  static Uni<Long> organizationsOf(long userId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery("SELECT count(*) FROM organization_members WHERE user_id = :user", Long.class)
                    .setParameter("user", userId)
                    .getSingleResult());
  }

  /** How many owners the organization has. */
  static Uni<Long> owners(long organizationId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "SELECT count(*) FROM organization_members WHERE organization_id = :org AND role = 'owner'",
                        Long.class)
                    .setParameter("org", organizationId)
                    .getSingleResult());
  }

  private static Uni<Void> update(String sql, long organizationId, long userId, Role role) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(sql)
                    .setParameter("org", organizationId)
                    .setParameter("user", userId)
                    .setParameter("role", role.wireName())
                    .executeUpdate())
        .replaceWithVoid();
  }
}
