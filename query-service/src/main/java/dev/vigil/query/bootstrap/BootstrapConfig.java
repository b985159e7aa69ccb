package dev.vigil.query.bootstrap;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * What query-service creates on its first start, so that an installation without a shell (the Helm chart)
 * starts with a user who can log in and a project SDKs can send to. Unset: nothing is created.
 */
@ConfigMapping(prefix = "vigil.bootstrap")
public interface BootstrapConfig {

  /** Email of the first owner of organization "default", created while no user exists (with the password). */
  Optional<String> ownerEmail();

  /** Password of that owner (at least 10 characters, at most 72 bytes); never logged. */
  Optional<String> ownerPassword();

  /** Slug of a project of organization "default", created when it does not exist. */
  Optional<String> project();

  /** Public part of that project's DSN key (32 lower-case hex characters); random when unset. */
  Optional<String> projectKey();
}
