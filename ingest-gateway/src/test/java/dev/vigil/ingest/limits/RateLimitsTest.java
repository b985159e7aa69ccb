package dev.vigil.ingest.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimitsTest {

  @Test
  void formatsTheHeaderLikeRelay() {
    assertThat(RateLimits.sentryRateLimits(42)).isEqualTo("42::key:key_quota");
  }
}
