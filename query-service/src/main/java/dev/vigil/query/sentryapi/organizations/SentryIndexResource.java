package dev.vigil.query.sentryapi.organizations;

import dev.vigil.query.auth.Caller;
import dev.vigil.query.auth.CurrentCaller;
import dev.vigil.state.accounts.Account;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/0/}: the token check sentry-cli ({@code sentry-cli info}) and other tools make
 * first. Sentry answers {@code {"version": "0", "auth": {"scopes": [...]}, "user": {...}}}; auth is
 * null for a session and user is null for an organization token, as in Sentry.
 */
@Path("/api/0")
public class SentryIndexResource {

  /** The user in the shape of Sentry's user serializer (the fields tools read). */
  record UserJson(String id, String name, String username, String email, boolean isActive, boolean hasPasswordAuth) {}

  record AuthJson(List<String> scopes) {}

  record IndexJson(String version, AuthJson auth, UserJson user) {}

  @Inject CurrentCaller current;
  @Inject Accounts accounts;

  @GET
  @Path("/")
  public Uni<IndexJson> index() {
    Caller caller = current.get();
    AuthJson auth = caller.kind() == Caller.Kind.SESSION ? null : new AuthJson(scopes(caller));
    if (caller.userId() == null) {
      return Uni.createFrom().item(new IndexJson("0", auth, null));
    }
    return accounts.find(caller.userId()).map(account -> new IndexJson("0", auth, user(account)));
  }

  private static UserJson user(Account a) {
    if (a == null) {
      return null;
    }
    return new UserJson(String.valueOf(a.userId()), a.name(), a.email(), a.email(), true, true);
  }

  /** The token's scopes, as wire names, in the order Scope declares them. */
  private static List<String> scopes(Caller caller) {
    Set<Scope> all = new LinkedHashSet<>();
    if (caller.isSuperuser()) {
      all.addAll(List.of(Scope.values()));
    } else {
      Map<Long, Set<Scope>> byOrg = new HashMap<>();
      caller.organizationIds().forEach(id -> byOrg.put(id, caller.scopes(id)));
      for (Scope s : Scope.values()) {
        if (byOrg.values().stream().anyMatch(set -> set.contains(s))) {
          all.add(s);
        }
      }
    }
    return all.stream().map(Scope::wireName).toList();
  }
}
