package dev.vigil.query.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void defaultsToTheLastHour() {
    assertThat(TimeRange.parse(null, null, WEEK, CLOCK)).isEqualTo(new TimeRange(NOW.minusSeconds(3600), NOW));
    assertThat(TimeRange.parse("2026-11-22T08:00:00Z", null, WEEK, CLOCK).to()).isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
    assertThat(TimeRange.parse(null, "2026-11-22T08:00:00Z", WEEK, CLOCK).from()).isEqualTo(Instant.parse("2026-11-22T07:00:00Z"));
  }

  @Test
  void acceptsRfc3339AndEpochMillis() {
    TimeRange r = TimeRange.parse("2026-11-22T09:30:00+01:00", String.valueOf(NOW.toEpochMilli()), WEEK, CLOCK);
    assertThat(r.from()).isEqualTo(Instant.parse("2026-11-22T08:30:00Z"));
    assertThat(r.to()).isEqualTo(NOW);
    assertThat(r.seconds()).isEqualTo(5400);
  }

  @Test
  void rejectsUnparseableInvertedAndTooWideRanges() {
    assertThatThrownBy(() -> TimeRange.parse("yesterday", null, WEEK, CLOCK)).hasMessageContaining("from must be RFC 3339");
    assertThatThrownBy(() -> TimeRange.parse("2026-11-22T10:00:00", null, WEEK, CLOCK)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> TimeRange.parse("2026-11-22T10:00:00Z", "2026-11-22T09:00:00Z", WEEK, CLOCK))
        .hasMessageContaining("before");
    assertThatThrownBy(() -> TimeRange.parse("2026-11-01T00:00:00Z", "2026-11-22T00:00:00Z", WEEK, CLOCK))
        .hasMessageContaining("at most PT168H");
  }

  @Test
  void parsesAttributeFiltersAndCursors() {
    assertThat(AttributeFilters.parse(List.of("http.route:/a:b", "k:"))).containsExactly(Map.entry("http.route", "/a:b"), Map.entry("k", ""));
    assertThatThrownBy(() -> AttributeFilters.parse(List.of("novalue"))).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> AttributeFilters.parse(List.of(":v"))).isInstanceOf(ApiException.class);
    assertThat(Cursors.decode(Cursors.encode(12L, "ab"), 2)).containsExactly("12", "ab");
    assertThat(Cursors.decode(null, 2)).isNull();
    assertThatThrownBy(() -> Cursors.decode(Cursors.encode(1L), 2)).hasMessage("invalid cursor");
    assertThatThrownBy(() -> Cursors.decode("%%%", 2)).hasMessage("invalid cursor");
  }
}
