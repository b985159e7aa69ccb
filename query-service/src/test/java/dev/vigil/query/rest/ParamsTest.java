package dev.vigil.query.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ParamsTest {

  @Test
  void parsesIsoTimesWithAndWithoutOffsetAndEpochSeconds() {
    assertThat(Params.time("start", "2026-11-21T10:00:00Z")).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
    assertThat(Params.time("start", "2026-11-21T12:00:00+02:00")).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
    assertThat(Params.time("start", "2026-11-21T10:00:00")).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
    assertThat(Params.time("start", "1763719200")).isEqualTo(Instant.parse("2025-11-21T10:00:00Z"));
    assertThat(Params.time("start", "1763719200.25")).isEqualTo(Instant.parse("2025-11-21T10:00:00.250Z"));
    assertThat(Params.time("start", " ")).isNull();
  }

  @Test
  void rejectsOtherTimesWithTheParameterName() {
    assertThatThrownBy(() -> Params.time("end", "yesterday"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("end")
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
  }

  @Test
  void normalizesEventIdsAndValidatesTraceIds() {
    assertThat(Params.eventId("9F0C4A6E-1B2C-4D3E-8F90-A1B2C3D4E5F6")).isEqualTo("9f0c4a6e1b2c4d3e8f90a1b2c3d4e5f6");
    assertThat(Params.eventId("9f0c4a6e1b2c4d3e8f90a1b2c3d4e5f6")).isEqualTo("9f0c4a6e1b2c4d3e8f90a1b2c3d4e5f6");
    assertThatThrownBy(() -> Params.eventId("9f0c' OR 1=1")).isInstanceOf(ApiException.class);
    assertThat(Params.traceId("4BF92F3577B34DA6A3CE929D0E0E4736")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThatThrownBy(() -> Params.traceId("00000000000000000000000000000000")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> Params.traceId("4bf92f35")).isInstanceOf(ApiException.class);
  }

  @Test
  void boundsIntegers() {
    assertThat(Params.intInRange("limit", null, 25, 1, 100)).isEqualTo(25);
    assertThat(Params.intInRange("limit", "100", 25, 1, 100)).isEqualTo(100);
    assertThatThrownBy(() -> Params.intInRange("limit", "101", 25, 1, 100)).hasMessageContaining("between 1 and 100");
    assertThatThrownBy(() -> Params.intInRange("limit", "ten", 25, 1, 100)).isInstanceOf(ApiException.class);
  }
}
