package dev.vigil.state.alerting;

import static dev.vigil.state.alerting.AlertingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.state.alerting.runtime.NotificationOutbox;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notification channels and their delivery log. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
class NotificationChannelsTest {

  @Inject NotificationChannels channels;
  @Inject DeliveryLog log;
  @Inject NotificationOutbox outbox;
  @Inject AlertingFixture fixture;

  long project;

  @BeforeEach
  void newProject() {
    project = fixture.project();
  }

  static ChannelSpec discord(String name, boolean enabled) {
    return new ChannelSpec(
        name, "discord", "{\"url\":\"https://discord.com/api/webhooks/1/abc\"}", "{severity=\"critical\"}", List.of("alertname", "env"), 30, 300,
        14400, true, enabled);
  }

  @Test
  void keepsUpdatesAndDeletesAChannel() {
    NotificationChannel created = await(() -> channels.create(project, discord("ops", true)));
    assertThat(created.settingsJson()).contains("https://discord.com/api/webhooks/1/abc");
    assertThat(created.groupBy()).containsExactly("alertname", "env");
    assertThat(created.matchers()).isEqualTo("{severity=\"critical\"}");

    ChannelSpec email = new ChannelSpec("ops", "email", "{\"to\":[\"oncall@example.com\"]}", "", List.of("..."), 0, 60, 3600, false, true);
    NotificationChannel updated = await(() -> channels.update(project, created.id(), email));
    assertThat(updated.type()).isEqualTo("email");
    assertThat(updated.settingsJson()).contains("oncall@example.com");
    assertThat(updated).extracting(NotificationChannel::groupWaitSeconds, NotificationChannel::sendResolved).containsExactly(0, false);
    assertThat(await(() -> channels.byId(created.id())).name()).isEqualTo("ops");

    assertThat(await(() -> channels.delete(project, created.id()))).isTrue();
    assertThat(await(() -> channels.list(project))).isEmpty();
  }

  @Test
  void theDispatcherReadsOnlyEnabledChannels() {
    NotificationChannel on = await(() -> channels.create(project, discord("on", true)));
    NotificationChannel off = await(() -> channels.create(project, discord("off", false)));
    assertThat(await(() -> channels.allEnabled())).extracting(NotificationChannel::id).contains(on.id()).doesNotContain(off.id());
    assertThat(await(() -> channels.list(project))).extracting(NotificationChannel::name).containsExactly("off", "on");
  }

  @Test
  void namesAreUniqueAndOtherProjectsChannelsNotFound() {
    NotificationChannel mine = await(() -> channels.create(project, discord("ops", true)));
    assertThatThrownBy(() -> await(() -> channels.create(project, discord("ops", true)))).isInstanceOf(NameTakenException.class);
    long other = fixture.project();
    assertThat(await(() -> channels.find(other, mine.id()))).isNull();
    assertThat(await(() -> channels.delete(other, mine.id()))).isFalse();
  }

  @Test
  void theDeliveryLogListsAProjectsNotificationsNewestFirst() {
    NotificationChannel ops = await(() -> channels.create(project, discord("ops", true)));
    NotificationChannel dev = await(() -> channels.create(project, discord("dev", true)));
    long first = await(() -> outbox.enqueue(ops.id(), project, "{}:{alertname=\"A\"}", "alert", 2, 0, "{\"alerts\":[]}"));
    long second = await(() -> outbox.enqueue(dev.id(), project, "test", "test", 1, 0, "{\"alerts\":[]}"));
    long third = await(() -> outbox.enqueue(ops.id(), project, "{}:{alertname=\"A\"}", "alert", 0, 2, "{\"alerts\":[]}"));

    assertThat(await(() -> log.list(project, null, 10))).extracting(DeliveryEntry::id).containsExactly(third, second, first);
    assertThat(await(() -> log.list(project, ops.id(), 10))).extracting(DeliveryEntry::id).containsExactly(third, first);
    assertThat(await(() -> log.list(project, null, 1))).extracting(DeliveryEntry::id).containsExactly(third);

    DeliveryEntry test = await(() -> log.find(project, second));
    assertThat(test).extracting(DeliveryEntry::channelName, DeliveryEntry::kind, DeliveryEntry::status, DeliveryEntry::attempts, DeliveryEntry::firing)
        .containsExactly("dev", "test", "pending", 0, 1);
    long other = fixture.project();
    assertThat(await(() -> log.find(other, second))).isNull();

    // Deleting a channel takes its log with it.
    await(() -> channels.delete(project, ops.id()));
    assertThat(await(() -> log.list(project, null, 10))).extracting(DeliveryEntry::id).containsExactly(second);
  }
}
