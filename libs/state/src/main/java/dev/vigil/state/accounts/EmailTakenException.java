package dev.vigil.state.accounts;

/** A user with this email already exists. */
public final class EmailTakenException extends RuntimeException {
  public EmailTakenException(String email) {
    super("a user with email " + email + " already exists");
  }
}
