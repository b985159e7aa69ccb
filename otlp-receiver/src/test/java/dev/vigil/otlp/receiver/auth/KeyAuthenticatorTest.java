package dev.vigil.otlp.receiver.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.edge.keys.KeyLookupUnavailableException;
import dev.vigil.edge.keys.ProjectKeyCache;
import dev.vigil.otlp.receiver.ingest.Refusal;
import dev.vigil.state.projects.DsnKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyAuthenticatorTest {

  private static final DsnKey ACTIVE = new DsnKey(3, "abc123", "s", true, null);
  private static final DsnKey DISABLED = new DsnKey(3, "off", "s", false, null);

  @Test
  void readsBearerTokensFromAuthorization() {
    KeyAuthenticator auth = authenticator("authorization");
    assertThat(auth.authenticate("Bearer abc123")).isEqualTo(ACTIVE);
    assertThat(auth.authenticate("bearer   abc123 ")).isEqualTo(ACTIVE);
    assertRefused(() -> auth.authenticate("abc123"), Refusal.Kind.UNAUTHENTICATED, "must be 'Bearer <public key>'");
    assertRefused(() -> auth.authenticate(null), Refusal.Kind.UNAUTHENTICATED, "missing project key");
  }

  @Test
  void readsTheBareKeyFromACustomHeader() {
    KeyAuthenticator auth = authenticator("X-Vigil-Key");
    assertThat(auth.header()).isEqualTo("x-vigil-key");
    assertThat(auth.authenticate("abc123")).isEqualTo(ACTIVE);
    assertRefused(() -> auth.authenticate(""), Refusal.Kind.UNAUTHENTICATED, "missing project key in the X-Vigil-Key header");
  }

  @Test
  void refusesUnknownAndDisabledKeysAndReportsAnUnavailableStore() {
    KeyAuthenticator auth = authenticator("authorization");
    assertRefused(() -> auth.authenticate("Bearer nope"), Refusal.Kind.UNAUTHENTICATED, "unknown project key");
    assertRefused(() -> auth.authenticate("Bearer off"), Refusal.Kind.FORBIDDEN, "disabled");
    Refusal down = assertRefused(() -> auth.authenticate("Bearer boom"), Refusal.Kind.UNAVAILABLE, "retry later");
    assertThat(down.retryAfterSeconds()).isPositive();
  }

  private static Refusal assertRefused(Runnable call, Refusal.Kind kind, String message) {
    try {
      call.run();
    } catch (Refusal e) {
      assertThat(e.kind()).isEqualTo(kind);
      assertThat(e).hasMessageContaining(message);
      return e;
    }
    throw new AssertionError("expected a refusal");
  }

  private static KeyAuthenticator authenticator(String header) {
    KeyAuthenticator auth = new KeyAuthenticator();
    auth.keys =
        new ProjectKeyCache(
            key -> switch (key) {
              case "abc123" -> ACTIVE;
              case "off" -> DISABLED;
              case "boom" -> throw new KeyLookupUnavailableException("down", null);
              default -> null;
            },
            Duration.ofMinutes(1),
            Duration.ofMinutes(1),
            10);
    auth.config =
        new OtlpAuthConfig() {
          @Override
          public String header() {
            return header;
          }

          @Override
          public Duration keyCacheTtl() {
            return Duration.ofMinutes(1);
          }

          @Override
          public Duration unknownKeyCacheTtl() {
            return Duration.ofMinutes(1);
          }

          @Override
          public long keyCacheSize() {
            return 10;
          }
        };
    return auth;
  }
}
