package dev.vigil.state.alerting;

import static dev.vigil.state.alerting.AlertingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Silences: created for a while, listed, in effect at an instant, expired early. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
class AlertSilencesTest {

  @Inject AlertSilences silences;
  @Inject AlertingFixture fixture;

  long project;
  Instant now = Instant.now();

  @BeforeEach
  void newProject() {
    project = fixture.project();
  }

  private AlertSilence silence(String alertname, Duration from, Duration to) {
    return await(() -> silences.create(project, "{alertname=\"" + alertname + "\"}", now.plus(from), now.plus(to), "deploy window", "ops@example.com"));
  }

  @Test
  void listsSilencesThatStillMatterFirstAndKnowsWhichAreInEffect() {
    AlertSilence past = silence("Past", Duration.ofHours(-3), Duration.ofHours(-2));
    AlertSilence active = silence("Active", Duration.ofMinutes(-5), Duration.ofHours(1));
    AlertSilence pending = silence("Pending", Duration.ofHours(1), Duration.ofHours(2));

    assertThat(await(() -> silences.list(project, 10))).extracting(AlertSilence::id).containsExactly(pending.id(), active.id(), past.id());
    assertThat(past.state(now)).isEqualTo("expired");
    assertThat(active.state(now)).isEqualTo("active");
    assertThat(pending.state(now)).isEqualTo("pending");
    assertThat(active.createdBy()).isEqualTo("ops@example.com");

    assertThat(await(() -> silences.activeAt(project, now))).extracting(AlertSilence::id).containsExactly(active.id());
    assertThat(await(() -> silences.activeAt(project, now.plus(Duration.ofMinutes(90))))).extracting(AlertSilence::id).containsExactly(pending.id());
    assertThat(await(() -> silences.allActiveAt(now))).extracting(AlertSilence::id).contains(active.id()).doesNotContain(past.id(), pending.id());
  }

  @Test
  void expiringEndsAnActiveOrPendingSilenceNowAndLeavesAnExpiredOneAlone() {
    AlertSilence active = silence("Active", Duration.ofMinutes(-5), Duration.ofHours(1));
    AlertSilence pending = silence("Pending", Duration.ofHours(1), Duration.ofHours(2));
    AlertSilence past = silence("Past", Duration.ofHours(-3), Duration.ofHours(-2));

    AlertSilence expired = await(() -> silences.expire(project, active.id()));
    AlertSilence expiredPending = await(() -> silences.expire(project, pending.id()));
    Instant after = Instant.now();
    assertThat(expired.state(after)).isEqualTo("expired");
    assertThat(expired.startsAt()).isEqualTo(active.startsAt());
    assertThat(expired.endsAt()).isBetween(now.minusSeconds(1), after);

    assertThat(expiredPending.state(after)).isEqualTo("expired");
    assertThat(expiredPending.startsAt()).isBefore(expiredPending.endsAt());

    assertThat(await(() -> silences.expire(project, past.id()))).isEqualTo(past);
    long other = fixture.project();
    assertThat(await(() -> silences.expire(other, active.id()))).isNull();
    assertThat(await(() -> silences.activeAt(project, after))).isEmpty();
  }
}
