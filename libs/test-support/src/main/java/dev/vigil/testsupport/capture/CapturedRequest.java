package dev.vigil.testsupport.capture;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the {@link NotificationCaptureServer} received, and what it answered.
 *
 * @param headers request headers; look them up with {@link #header(String)}, names are case-insensitive
 * @param rejection why the body was refused as Discord or Slack would refuse it, or null when accepted
 */
public record CapturedRequest(
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    String body,
    Instant receivedAt,
    int status,
    String rejection) {

  /** The first value of a header (case-insensitive name), or null. */
  public String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  /** Whether the body broke one of the receiver's payload rules (answered 400). */
  public boolean rejected() {
    return rejection != null;
  }
}
