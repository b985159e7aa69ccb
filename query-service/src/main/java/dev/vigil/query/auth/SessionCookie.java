package dev.vigil.query.auth;

import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;

/**
 * The login session cookie: HttpOnly (scripts never see the secret), SameSite=Lax (not sent on
 * cross-site writes), Secure when the request came over HTTPS, for the whole site.
 */
public final class SessionCookie {

  public static final String NAME = "vigil_session";

  /** Sessions end earlier on the server when idle; the cookie only needs to outlive the longest one. */
  static final Duration MAX_AGE = Duration.ofDays(30);

  private SessionCookie() {}

  /** The {@code Set-Cookie} value that stores the session secret. */
  public static String set(String secret, boolean secure) {
    return cookie(secret, MAX_AGE.toSeconds(), secure);
  }

  /** The {@code Set-Cookie} value that makes the browser drop the cookie. */
  public static String clear(boolean secure) {
    return cookie("", 0, secure);
  }

  /** Whether the client reached us over HTTPS, directly or through a TLS-terminating proxy. */
  public static boolean overHttps(HttpHeaders headers, String scheme) {
    String forwarded = headers.getHeaderString("X-Forwarded-Proto");
    // A chain of proxies lists the client-facing protocol first.
    return "https".equalsIgnoreCase(scheme) || (forwarded != null && forwarded.trim().regionMatches(true, 0, "https", 0, 5));
  }

  private static String cookie(String value, long maxAgeSeconds, boolean secure) {
    return NAME + "=" + value + "; Max-Age=" + maxAgeSeconds + "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
  }
}
