package dev.vigil.alert.delivery;

import java.time.Duration;

/**
 * What a channel answered to one attempt: accepted, rate limited (with how long it asked us to wait, if
 * it said), failed in a way worth retrying, or refused for good (a deleted webhook, a payload it rejects).
 */
record SendOutcome(Kind kind, Integer statusCode, Duration retryAfter, String error) {

  enum Kind {
    SENT,
    RATE_LIMITED,
    RETRYABLE,
    PERMANENT
  }

  static SendOutcome sent(int status) {
    return new SendOutcome(Kind.SENT, status, null, null);
  }

  static SendOutcome rateLimited(int status, Duration retryAfter, String error) {
    return new SendOutcome(Kind.RATE_LIMITED, status, retryAfter, error);
  }

  static SendOutcome retryable(Integer status, String error) {
    return new SendOutcome(Kind.RETRYABLE, status, null, error);
  }

  static SendOutcome permanent(Integer status, String error) {
    return new SendOutcome(Kind.PERMANENT, status, null, error);
  }

  /** The outcome an HTTP status means, for the webhook channels. */
  static SendOutcome ofHttp(int status, Duration retryAfter, String body) {
    if (status >= 200 && status < 300) {
      return sent(status);
    }
    String error = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body.strip()));
    if (status == 429) {
      return rateLimited(status, retryAfter, error);
    }
    if (status >= 500 || status == 408) {
      return retryable(status, error);
    }
    return permanent(status, error);
  }

  static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 299) + "…";
  }
}
