package dev.vigil.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ingest.errors.IngestError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestCredentialsTest {

  private static final String KEY = "0123456789abcdef0123456789abcdef";

  @Test
  void readsXSentryAuthAsSdksWriteIt() {
    SentryAuth auth =
        RequestCredentials.find(
            "Sentry sentry_key=" + KEY + ", sentry_version=7, sentry_client=sentry.python/2.19.0", null, Map.of());

    assertThat(auth.publicKey()).isEqualTo(KEY);
    assertThat(auth.client()).isEqualTo("sentry.python/2.19.0");
    assertThat(auth.secretKey()).isNull();
  }

  @Test
  void readsTheSchemeCaseInsensitivelyAndQuotedValues() {
    assertThat(RequestCredentials.find(null, "sentry sentry_key=\"" + KEY + "\",sentry_secret=s", Map.of()))
        .isEqualTo(new SentryAuth(KEY, "s", null, null));
  }

  @Test
  void ignoresAuthorizationHeadersOfOtherSchemes() {
    assertThat(RequestCredentials.find(null, "Bearer abc", Map.of())).isNull();
  }

  @Test
  void readsTheQueryString() {
    SentryAuth auth =
        RequestCredentials.find(null, null, Map.of("sentry_key", List.of(KEY), "sentry_client", List.of("sentry.javascript.browser/8.0.0")));

    assertThat(auth).isEqualTo(new SentryAuth(KEY, null, "sentry.javascript.browser/8.0.0", null));
  }

  @Test
  void refusesContradictionsButNotRepetitions() {
    assertThat(RequestCredentials.find("Sentry sentry_key=" + KEY, null, Map.of("sentry_key", List.of(KEY))).publicKey()).isEqualTo(KEY);
    assertThatThrownBy(() -> RequestCredentials.find("Sentry sentry_key=" + KEY, "Sentry sentry_key=other", Map.of()))
        .isInstanceOfSatisfying(IngestError.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThatThrownBy(() -> RequestCredentials.find("Sentry sentry_key=" + KEY + ",sentry_secret=a", null, Map.of("sentry_key", List.of(KEY), "sentry_secret", List.of("b"))))
        .isInstanceOfSatisfying(IngestError.class, e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void refusesAHeaderWithoutKey() {
    assertThatThrownBy(() -> RequestCredentials.find("Sentry sentry_version=7", null, Map.of()))
        .isInstanceOfSatisfying(IngestError.class, e -> assertThat(e.detail()).contains("missing sentry_key"));
  }

  @Test
  void readsTheDsnOfAnEnvelopeHeader() {
    assertThat(SentryAuth.fromDsn("https://" + KEY + "@vigil.example.com/42"))
        .isEqualTo(new SentryAuth(KEY, null, null, 42L));
    assertThat(SentryAuth.fromDsn("http://" + KEY + ":secret@localhost:8010/sub/path/7"))
        .isEqualTo(new SentryAuth(KEY, "secret", null, 7L));
    assertThatThrownBy(() -> SentryAuth.fromDsn("https://vigil.example.com/42")).isInstanceOf(IngestError.class);
    assertThatThrownBy(() -> SentryAuth.fromDsn("not a dsn")).isInstanceOf(IngestError.class);
  }
}
