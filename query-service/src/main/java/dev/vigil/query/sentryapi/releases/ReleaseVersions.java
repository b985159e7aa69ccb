package dev.vigil.query.sentryapi.releases;

import dev.vigil.query.rest.ApiException;
import java.util.Set;
import java.util.regex.Pattern;

/** Sentry's rules for a release version: 1-200 characters, no slash or line break, not a reserved word. */
final class ReleaseVersions {

  private static final Pattern INVALID = Pattern.compile("[\\n\\r\\f\\t/\\\\]");
  private static final Set<String> RESERVED = Set.of(".", "..", "latest", " ");

  private ReleaseVersions() {}

  static String require(String version) {
    if (version == null || version.isBlank()) {
      throw ApiException.badRequest("version: This field is required.");
    }
    if (version.length() > 200 || INVALID.matcher(version).find() || RESERVED.contains(version) || !version.equals(version.strip())) {
      throw ApiException.badRequest("version: Release with name " + version + " is not allowed");
    }
    return version;
  }
}
