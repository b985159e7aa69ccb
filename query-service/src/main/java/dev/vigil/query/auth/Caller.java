package dev.vigil.query.auth;

import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Account;
import dev.vigil.state.accounts.Membership;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.accounts.SessionGrant;
import dev.vigil.state.accounts.TokenGrant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who makes the request and what they may do in each organization: the installation's admin token
 * (everything, everywhere), a user logged in with a session cookie (their roles' scopes), or an API
 * token (its scopes in its one organization).
 */
public final class Caller {

  /** How the caller authenticated. */
  public enum Kind {
    SUPERUSER("admin-token"),
    SESSION("session"),
    USER_TOKEN("user-token"),
    ORGANIZATION_TOKEN("organization-token");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  private final Kind kind;
  private final Long userId;
  private final Long tokenId;
  private final SessionGrant session;
  private final Map<Long, Set<Scope>> scopesByOrganization;

  private Caller(Kind kind, Long userId, Long tokenId, SessionGrant session, Map<Long, Set<Scope>> scopes) {
    this.kind = kind;
    this.userId = userId;
    this.tokenId = tokenId;
    this.session = session;
    this.scopesByOrganization = Map.copyOf(scopes);
  }

  static Caller superuser() {
    return new Caller(Kind.SUPERUSER, null, null, null, Map.of());
  }

  /** A logged-in user: in each organization, what their role there grants. */
  static Caller session(SessionGrant session, Account account) {
    Map<Long, Set<Scope>> scopes = new HashMap<>();
    for (Membership m : account.memberships()) {
      scopes.put(m.organizationId(), m.role().scopes());
    }
    return new Caller(Kind.SESSION, account.userId(), null, session, scopes);
  }

  /** An API token: its (already narrowed) scopes in its one organization. */
  static Caller token(TokenGrant grant) {
    Kind kind = grant.userId() == null ? Kind.ORGANIZATION_TOKEN : Kind.USER_TOKEN;
    return new Caller(kind, grant.userId(), grant.tokenId(), null, Map.of(grant.organizationId(), Set.copyOf(grant.scopes())));
  }

  public Kind kind() {
    return kind;
  }

  public boolean isSuperuser() {
    return kind == Kind.SUPERUSER;
  }

  /** The user acting, or null for the admin token and organization tokens. */
  public Long userId() {
    return userId;
  }

  /** The API token used, or null. */
  public Long tokenId() {
    return tokenId;
  }

  /** The login session, or null when the caller did not authenticate with the session cookie. */
  public SessionGrant session() {
    return session;
  }

  /** Whether the caller may see the organization at all (member, or a token of it). */
  public boolean belongsTo(long organizationId) {
    return isSuperuser() || scopesByOrganization.containsKey(organizationId);
  }

  public boolean can(long organizationId, Scope scope) {
    return isSuperuser() || scopes(organizationId).contains(scope);
  }

  /** Fails with 403 unless the caller has the scope in the organization. */
  public void require(long organizationId, Scope scope) {
    if (!can(organizationId, scope)) {
      throw ApiException.forbidden("this needs the " + scope.wireName() + " permission in the organization");
    }
  }

  /** The caller's scopes in the organization (every scope for the superuser). */
  public Set<Scope> scopes(long organizationId) {
    if (isSuperuser()) {
      return Set.of(Scope.values());
    }
    return scopesByOrganization.getOrDefault(organizationId, Set.of());
  }

  /** The organizations the caller belongs to; empty for the superuser, who belongs to all. */
  public Set<Long> organizationIds() {
    return scopesByOrganization.keySet();
  }
}
