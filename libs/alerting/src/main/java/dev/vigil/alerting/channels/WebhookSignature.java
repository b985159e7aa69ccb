package dev.vigil.alerting.channels;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Vigil-Signature} header of a webhook delivery: {@code t=<unix seconds>,v1=<hex
 * HMAC-SHA256(secret, "<t>.<body>")>}. Signing the timestamp with the body lets a receiver refuse
 * replays of an old delivery; the scheme is Stripe's, which many receivers already know how to check.
 */
public final class WebhookSignature {

  public static final String HEADER = "X-Vigil-Signature";

  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSignature() {}

  /** The header value for {@code body} sent at {@code timestampSeconds}. */
  public static String sign(String secret, long timestampSeconds, String body) {
    return "t=" + timestampSeconds + ",v1=" + hmacHex(secret, timestampSeconds + "." + body);
  }

  /**
   * Whether {@code header} carries a valid signature of {@code body} made within {@code tolerance} of
   * {@code now} — what a receiver does. Any of several {@code v1} entries may match (a sender
   * rotating its secret signs with both); comparisons take constant time.
   */
  public static boolean verify(
      String secret, String header, String body, Instant now, Duration tolerance) {
    if (header == null) {
      return false;
    }
    Long timestamp = null;
    List<String> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      String p = part.strip();
      if (p.startsWith("t=")) {
        try {
          timestamp = Long.parseLong(p.substring(2));
        } catch (NumberFormatException e) {
          return false;
        }
      } else if (p.startsWith("v1=")) {
        signatures.add(p.substring(3));
      }
    }
    if (timestamp == null || Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
      return false;
    }
    byte[] expected = hmacHex(secret, timestamp + "." + body).getBytes(StandardCharsets.US_ASCII);
    boolean valid = false;
    for (String signature : signatures) {
      valid |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
    return valid;
  }

  private static String hmacHex(String secret, String message) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("a webhook signing secret must not be empty");
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is available in every JDK", e);
    }
  }
}
