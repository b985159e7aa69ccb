package dev.vigil.alerting.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private static final String SECRET = "whsec_vigil_test";
  private static final String BODY = "{\"version\":\"4\",\"status\":\"firing\"}";
  private static final Instant SENT = Instant.ofEpochSecond(1_700_000_000L);
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  @Test
  void signsTimestampDotBodyWithHmacSha256() {
    // printf '%s' '1700000000.{"version":"4","status":"firing"}' | openssl dgst -sha256 -hmac whsec_vigil_test
    assertThat(WebhookSignature.sign(SECRET, 1_700_000_000L, BODY))
        .isEqualTo("t=1700000000,v1=f8c517d1516c371e7963cf934f9cb39249186bc3afb073aaace6070e7a90afa6");
  }

  @Test
  void verifiesItsOwnSignatureWithinTolerance() {
    String header = WebhookSignature.sign(SECRET, SENT.getEpochSecond(), BODY);

    assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT.plusSeconds(299), FIVE_MINUTES)).isTrue();
    assertThat(WebhookSignature.verify(SECRET, "t=1700000000,v1=00,v1=" + header.substring(16), BODY, SENT, FIVE_MINUTES))
        .isTrue();
  }

  @Test
  void refusesATamperedBodyAnotherSecretAReplayOrGarbage() {
    String header = WebhookSignature.sign(SECRET, SENT.getEpochSecond(), BODY);

    assertThat(WebhookSignature.verify(SECRET, header, BODY.replace("firing", "resolved"), SENT, FIVE_MINUTES)).isFalse();
    assertThat(WebhookSignature.verify("other", header, BODY, SENT, FIVE_MINUTES)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT.plusSeconds(301), FIVE_MINUTES)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, header.replace("t=1700000000", "t=1700000001"), BODY, SENT, FIVE_MINUTES))
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, "v1=abc", BODY, SENT, FIVE_MINUTES)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "t=x,v1=abc", BODY, SENT, FIVE_MINUTES)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, null, BODY, SENT, FIVE_MINUTES)).isFalse();
  }

  @Test
  void refusesToSignWithoutASecret() {
    assertThatThrownBy(() -> WebhookSignature.sign("", 1L, BODY)).isInstanceOf(IllegalArgumentException.class);
  }
}
