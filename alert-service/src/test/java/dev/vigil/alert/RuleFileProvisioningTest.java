package dev.vigil.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testsupport.ClickHouseStack;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rule files given to alert-service as files (a Git checkout, a Kubernetes ConfigMap): a file under the
 * project's directory becomes the namespace of its name; a changed file replaces it; a broken file is
 * refused whole and what was loaded before keeps running.
 */
@QuarkusTest
@TestProfile(RuleFileProvisioningTest.RulesDirectory.class)
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseStack.class)
class RuleFileProvisioningTest {

  static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "vigil-rules-" + UUID.randomUUID());

  public static class RulesDirectory implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("vigil.alerting.rules-dir", DIR.toString(), "vigil.alerting.rules-dir-scan", "1s");
    }
  }

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Inject AlertingFixture fixture;

  @Test
  void aRuleFileIsLoadedReplacedWhenItChangesAndKeptWhenItBreaks() throws Exception {
    long project = fixture.project();
    Path file = DIR.resolve(Long.toString(project)).resolve("payments.yml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, """
        groups:
          - name: payments
            interval: 30s
            rules:
              - alert: PaymentsDown
                expr: up{job="payments"} == 0
                for: 1m
                labels:
                  severity: critical
        """);

    AlertingFixture.eventually(WAIT, "the file's group is stored", () -> groupRules(project).contains("PaymentsDown"));
    assertThat(fixture.rows("SELECT interval_seconds FROM alert_rule_groups WHERE project_id = $1 AND namespace = 'payments.yml'", project)
        .get(0).getInteger(0)).isEqualTo(30);

    Files.writeString(file, """
        groups:
          - name: payments
            rules:
              - alert: PaymentsDown
                expr: up{job="payments"} == 0 +
        """);
    Thread.sleep(3000);
    assertThat(groupRules(project)).as("a broken file leaves the loaded rules alone").contains("PaymentsDown").contains("1m");

    Files.writeString(file, """
        groups:
          - name: payments
            rules:
              - alert: PaymentsErrors
                expr: rate(payment_errors_total[5m]) > 1
        """);
    AlertingFixture.eventually(WAIT, "the changed file replaced the group",
        () -> groupRules(project).contains("PaymentsErrors") && !groupRules(project).contains("PaymentsDown"));
  }

  private String groupRules(long project) {
    return fixture.rows("SELECT rules::text FROM alert_rule_groups WHERE project_id = $1 AND namespace = 'payments.yml'", project)
        .stream().map(r -> r.getString(0)).findFirst().orElse("");
  }
}
