package dev.vigil.state.alerting;

/** A rule group, error rule or channel with a name the project already uses for another one. */
public final class NameTakenException extends RuntimeException {

  public NameTakenException(String what, String name) {
    super("the project already has a " + what + " named \"" + name + "\"");
  }
}
