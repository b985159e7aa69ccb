package dev.vigil.state.accounts;

/** The password is too short or too long for bcrypt. */
public final class WeakPasswordException extends RuntimeException {
  public WeakPasswordException(String reason) {
    super(reason);
  }
}
