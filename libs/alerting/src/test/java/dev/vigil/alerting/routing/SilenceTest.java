package dev.vigil.alerting.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SilenceTest {

  private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
  private static final Instant END = Instant.parse("2025-03-01T12:00:00Z");
  private static final Map<String, String> DISK_FULL =
      Map.of("alertname", "DiskFull", "instance", "db-1", "severity", "warning");

  private static Silence silence(long id, String matchers) {
    return new Silence(id, LabelMatchers.parse(matchers), START, END, "maintenance", "ops@example.com");
  }

  @Test
  void mutesMatchingAlertsFromItsStartUntilJustBeforeItsEnd() {
    Silence silence = silence(1, "{alertname=\"DiskFull\",instance=~\"db-.*\"}");
    assertThat(silence.mutes(DISK_FULL, START.minusMillis(1))).isFalse();
    assertThat(silence.mutes(DISK_FULL, START)).isTrue();
    assertThat(silence.mutes(DISK_FULL, END.minusMillis(1))).isTrue();
    assertThat(silence.mutes(DISK_FULL, END)).isFalse();
  }

  @Test
  void everyMatcherMustMatch() {
    Silence silence = silence(1, "{alertname=\"DiskFull\",severity=\"critical\"}");
    assertThat(silence.mutes(DISK_FULL, START)).isFalse();
  }

  @Test
  void statusFollowsTheClock() {
    Silence silence = silence(1, "alertname=DiskFull");
    assertThat(silence.status(START.minusSeconds(1))).isEqualTo(Silence.Status.PENDING);
    assertThat(silence.status(START)).isEqualTo(Silence.Status.ACTIVE);
    assertThat(silence.status(END)).isEqualTo(Silence.Status.EXPIRED);
  }

  @Test
  void silenceWithoutMatchersMutesNothingAndIsRejected() {
    Silence empty = silence(1, "");
    assertThat(empty.mutes(DISK_FULL, START)).isFalse();
    assertThat(empty.problems()).containsExactly("a silence needs at least one matcher");
  }

  @Test
  void problemsFollowAlertmanagersRules() {
    assertThat(silence(1, "alertname=DiskFull").problems()).isEmpty();
    assertThat(silence(1, "{team=~\".*\",env=\"\"}").problems())
        .containsExactly("at least one matcher must not match the empty string");
    Silence backwards =
        new Silence(1, LabelMatchers.parse("alertname=X"), END, START, null, null);
    assertThat(backwards.problems()).containsExactly("endsAt must be after startsAt");
  }

  @Test
  void listsTheSilencesMutingAnAlert() {
    List<Silence> silences =
        List.of(
            silence(1, "alertname=DiskFull"),
            silence(2, "alertname=Other"),
            silence(3, "instance=~\"db-1|db-2\""));
    assertThat(Silence.muting(silences, DISK_FULL, START)).containsExactly(1L, 3L);
    assertThat(Silence.muting(silences, DISK_FULL, END)).isEmpty();
  }
}
