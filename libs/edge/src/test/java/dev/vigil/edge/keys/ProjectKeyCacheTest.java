package dev.vigil.edge.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.state.projects.DsnKey;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProjectKeyCacheTest {

  private static final DsnKey KEY = new DsnKey(7, "abc", "secret", true, null);

  private final AtomicInteger lookups = new AtomicInteger();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  private final ProjectKeyCache cache =
      new ProjectKeyCache(
          publicKey -> {
            lookups.incrementAndGet();
            if (failure.get() != null) {
              throw failure.get();
            }
            return publicKey.equals("abc") ? KEY : null;
          },
          Duration.ofMinutes(1),
          Duration.ofMinutes(1),
          100);

  @Test
  void looksUpOnceThenAnswersFromTheCache() {
    assertThat(cache.cached("abc")).isNull();
    assertThat(cache.find("abc")).isEqualTo(KEY);
    assertThat(cache.find("abc")).isEqualTo(KEY);
    assertThat(cache.cached("abc")).contains(KEY);
    assertThat(lookups).hasValue(1);
  }

  @Test
  void remembersUnknownKeysToo() {
    assertThat(cache.find("nope")).isNull();
    assertThat(cache.find("nope")).isNull();
    assertThat(cache.cached("nope")).isEmpty();
    assertThat(lookups).hasValue(1);
  }

  @Test
  void reportsAStoreFailureAsUnavailableAndCachesNothing() {
    failure.set(new IllegalStateException("connection refused"));
    assertThatThrownBy(() -> cache.find("abc"))
        .isInstanceOf(KeyLookupUnavailableException.class)
        .hasRootCauseMessage("connection refused");
    failure.set(null);
    assertThat(cache.find("abc")).isEqualTo(KEY);
    assertThat(lookups).hasValue(2);
  }
}
