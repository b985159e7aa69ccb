package dev.vigil.query.bootstrap;

import dev.vigil.state.accounts.FirstOwner;
import dev.vigil.state.accounts.WeakPasswordException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The validated {@link BootstrapConfig}: settings that cannot work are refused at start, naming the
 * variable, instead of being noticed by the first user who cannot log in.
 */
record FirstStartSettings(Optional<Owner> owner, Optional<Project> project) {

  /** The first owner to create. */
  record Owner(String email, String password) {
    @Override
    public String toString() {
      return "Owner[email=" + email + "]"; // never the password
    }
  }

  /** The project to create, with its DSN key's public part or null for a random one. */
  record Project(String slug, String publicKey) {}

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");
  private static final Pattern PUBLIC_KEY = Pattern.compile("[0-9a-f]{32}");

  /** Validates the configuration; {@link Refused} naming the variable when it cannot work. */
  static FirstStartSettings of(BootstrapConfig config) {
    Optional<String> email = present(config.ownerEmail());
    // The password is taken as given (spaces included); only an empty one counts as unset.
    Optional<String> password = config.ownerPassword().filter(p -> !p.isEmpty());
    if (email.isPresent() != password.isPresent()) {
      throw refused("VIGIL_BOOTSTRAP_OWNER_EMAIL and VIGIL_BOOTSTRAP_OWNER_PASSWORD go together: set both or neither");
    }
    Optional<Owner> owner = email.map(e -> new Owner(e, password.get()));
    owner.ifPresent(FirstStartSettings::requireValid);

    Optional<String> slug = present(config.project());
    Optional<String> key = present(config.projectKey());
    if (key.isPresent() && slug.isEmpty()) {
      throw refused("VIGIL_BOOTSTRAP_PROJECT_KEY is set without VIGIL_BOOTSTRAP_PROJECT: name the project it belongs to");
    }
    slug.filter(s -> !SLUG.matcher(s).matches())
        .ifPresent(s -> {
          throw refused(
              "VIGIL_BOOTSTRAP_PROJECT must be a slug (lower-case letters, digits, '-' or '_', at most 50), got '" + s + "'");
        });
    key.filter(k -> !PUBLIC_KEY.matcher(k).matches())
        .ifPresent(k -> {
          throw refused("VIGIL_BOOTSTRAP_PROJECT_KEY must be 32 lower-case hex characters (a Sentry DSN public key), got "
              + k.length() + " character(s) that are not");
        });
    return new FirstStartSettings(owner, slug.map(s -> new Project(s, key.orElse(null))));
  }

  private static void requireValid(Owner owner) {
    try {
      FirstOwner.requireValid(owner.email(), owner.password());
    } catch (WeakPasswordException e) {
      throw refused("VIGIL_BOOTSTRAP_OWNER_PASSWORD is refused: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw refused("VIGIL_BOOTSTRAP_OWNER_EMAIL is refused: " + e.getMessage());
    }
  }

  private static Optional<String> present(Optional<String> value) {
    return value.map(String::trim).filter(v -> !v.isEmpty());
  }

  static Refused refused(String reason) {
    return new Refused(reason);
  }

  /** Settings that cannot work: start-up stops with this message, which names the variable. */
  static final class Refused extends IllegalStateException {
    Refused(String reason) {
      super("First-start bootstrap settings refused: " + reason);
    }
  }
}
