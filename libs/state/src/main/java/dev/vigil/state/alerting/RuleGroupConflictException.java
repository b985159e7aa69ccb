package dev.vigil.state.alerting;

/** An update based on an older version of the rule group than the stored one: someone saved in between. */
public final class RuleGroupConflictException extends RuntimeException {

  private final int currentVersion;

  public RuleGroupConflictException(long id, int currentVersion) {
    super("rule group " + id + " was changed meanwhile (now version " + currentVersion + "): reload it and apply your changes again");
    this.currentVersion = currentVersion;
  }

  public int currentVersion() {
    return currentVersion;
  }
}
