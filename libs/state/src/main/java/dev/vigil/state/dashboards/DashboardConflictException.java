package dev.vigil.state.dashboards;

/** An update based on an older version of the dashboard than the stored one: someone saved in between. */
public final class DashboardConflictException extends RuntimeException {

  private final int currentVersion;

  public DashboardConflictException(long id, int currentVersion) {
    super("dashboard " + id + " was changed meanwhile (now version " + currentVersion + "): reload it and apply your changes again");
    this.currentVersion = currentVersion;
  }

  public int currentVersion() {
    return currentVersion;
  }
}
