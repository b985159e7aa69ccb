package dev.vigil.alerting.routing;

import java.time.Instant;
import java.util.List;

/**
 * What to do with a group now: when {@code flush}, notify {@code alerts} (firing first, then
 * resolved; never empty then); store {@code state} in any case; look again at {@code nextCheckAt}
 * ({@code null}: only when the group's alerts change); and whether the group is over, so its state
 * can be deleted ({@code forget}).
 */
public record GroupDecision(
    boolean flush,
    List<NotifiableAlert> alerts,
    GroupState state,
    Instant nextCheckAt,
    boolean forget) {

  public GroupDecision {
    alerts = List.copyOf(alerts);
  }
}
