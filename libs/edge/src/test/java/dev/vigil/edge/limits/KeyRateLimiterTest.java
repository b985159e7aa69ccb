package dev.vigil.edge.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyRateLimiterTest {

  private final AtomicLong now = new AtomicLong(1_699_999_990_000L); // 10 s into a minute
  private final KeyRateLimiter limiter = new KeyRateLimiter(now::get);

  @Test
  void allowsTheLimitPerMinuteThenAnswersSecondsUntilTheWindowResets() {
    assertThat(limiter.acquire("k", 2)).isZero();
    assertThat(limiter.acquire("k", 2)).isZero();
    assertThat(limiter.acquire("k", 2)).isEqualTo(50);

    now.addAndGet(49_500);
    assertThat(limiter.acquire("k", 2)).isEqualTo(1);

    now.addAndGet(500);
    assertThat(limiter.acquire("k", 2)).isZero();
  }

  @Test
  void countsKeysSeparately() {
    assertThat(limiter.acquire("a", 1)).isZero();
    assertThat(limiter.acquire("b", 1)).isZero();
    assertThat(limiter.acquire("a", 1)).isPositive();
  }

  @Test
  void refusesEverythingWithALimitOfZero() {
    assertThat(limiter.acquire("k", 0)).isEqualTo(50);
  }

  @Test
  void forgetsEndedWindows() {
    limiter.acquire("k", 1);
    now.addAndGet(60_000);
    limiter.evictExpired();
    assertThat(limiter.acquire("k", 1)).isZero();
  }
}
