package dev.vigil.query.alerting;

import dev.vigil.query.auth.Caller;
import dev.vigil.query.auth.CurrentCaller;
import dev.vigil.state.accounts.Accounts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Who made a change, as the UI shows it on a silence: the user's email, or which kind of token. */
@ApplicationScoped
public class Actors {

  private final CurrentCaller current;
  private final Accounts accounts;

  Actors(CurrentCaller current, Accounts accounts) {
    this.current = current;
    this.accounts = accounts;
  }

  public Uni<String> current() {
    Caller caller = current.get();
    if (caller.userId() != null) {
      return accounts.find(caller.userId()).map(a -> a == null ? "user " + caller.userId() : a.email());
    }
    if (caller.tokenId() != null) {
      return Uni.createFrom().item("organization token " + caller.tokenId());
    }
    return Uni.createFrom().item("admin token");
  }
}
