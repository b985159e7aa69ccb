package dev.vigil.state.alerting;

import static dev.vigil.state.alerting.AlertingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alerts of a project now, and their history page by page. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
class AlertReadsTest {

  @Inject AlertReads reads;
  @Inject AlertingFixture fixture;

  long project;
  Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @BeforeEach
  void newProject() {
    project = fixture.project();
  }

  @Test
  void listsAlertsFiringFirstAndFiltersByState() {
    fixture.instance(project, "group:" + project + "/QueueBacklog", 1, "QueueBacklog", "pending", now.minusSeconds(30), Map.of("alertname", "QueueBacklog"));
    fixture.instance(project, "group:" + project + "/HighErrorRate", 2, "HighErrorRate", "firing", now.minusSeconds(600), Map.of("alertname", "HighErrorRate", "env", "prod"));
    fixture.instance(project, "error:" + project, 3, "New issue", "resolved", now.minusSeconds(900), Map.of("alertname", "New issue"));
    long other = fixture.project();
    fixture.instance(other, "group:" + other + "/Other", 4, "Other", "firing", now, Map.of("alertname", "Other"));

    List<AlertInstance> all = await(() -> reads.instances(project, List.of("firing", "pending", "resolved"), 100));
    assertThat(all).extracting(AlertInstance::ruleName).containsExactly("HighErrorRate", "QueueBacklog", "New issue");
    AlertInstance firing = all.get(0);
    assertThat(firing.labels()).containsExactly(Map.entry("alertname", "HighErrorRate"), Map.entry("env", "prod"));
    assertThat(firing.annotations()).containsKey("summary");
    assertThat(firing.activeAt()).isEqualTo(now.minusSeconds(600));
    assertThat(firing.value()).isEqualTo(3.5);
    assertThat(all.get(2).resolvedAt()).isNotNull();

    assertThat(await(() -> reads.instances(project, List.of("resolved"), 100))).extracting(AlertInstance::ruleKey).containsExactly("error:" + project);
    assertThat(await(() -> reads.instances(project, List.of("firing", "pending"), 1))).hasSize(1);
  }

  @Test
  void pagesTheHistoryNewestFirstWithoutRepeatsOrGaps() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(fixture.history(project, "A" + i, "pending", "firing", now.minusSeconds(100 - i * 10)));
    }
    // Two changes at the same instant: ordered by id.
    ids.add(fixture.history(project, "B", "firing", "resolved", now));
    ids.add(fixture.history(project, "C", "firing", "resolved", now));
    fixture.history(fixture.project(), "Other", "pending", "firing", now);

    List<Long> newestFirst = new ArrayList<>(ids);
    java.util.Collections.reverse(newestFirst);

    List<AlertHistoryEntry> page1 = await(() -> reads.history(project, 3, null));
    assertThat(page1).extracting(AlertHistoryEntry::id).containsExactlyElementsOf(newestFirst.subList(0, 3));
    assertThat(page1.get(0)).extracting(AlertHistoryEntry::ruleName, AlertHistoryEntry::from, AlertHistoryEntry::to).containsExactly("C", "firing", "resolved");

    long cursor = page1.get(2).id();
    // A change recorded meanwhile does not shift the next page.
    fixture.history(project, "D", "pending", "firing", now.plusSeconds(5));
    List<AlertHistoryEntry> page2 = await(() -> reads.history(project, 3, cursor));
    assertThat(page2).extracting(AlertHistoryEntry::id).containsExactlyElementsOf(newestFirst.subList(3, 6));
    List<AlertHistoryEntry> page3 = await(() -> reads.history(project, 3, page2.get(2).id()));
    assertThat(page3).extracting(AlertHistoryEntry::id).containsExactly(newestFirst.get(6));

    // An id of another project is no cursor here.
    long other = fixture.project();
    assertThat(await(() -> reads.history(other, 3, cursor))).isEmpty();
  }
}
