package dev.vigil.state.alerting;

import static dev.vigil.state.alerting.AlertingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Error rules as the UI keeps them and the evaluator reads them. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
class ErrorAlertRulesTest {

  @Inject ErrorAlertRules rules;
  @Inject AlertingFixture fixture;

  long project;

  @BeforeEach
  void newProject() {
    project = fixture.project();
  }

  @Test
  void keepsUpdatesAndDeletesARule() {
    ErrorAlertRule created =
        await(() -> rules.create(project, new ErrorRuleSpec("Any new issue", "new_issue", 1, 60, null, null, Map.of("severity", "warning"), true)));
    assertThat(created.trigger()).isEqualTo("new_issue");
    assertThat(created.labels()).containsExactly(Map.entry("severity", "warning"));
    assertThat(created.environment()).isNull();

    ErrorAlertRule updated =
        await(
            () ->
                rules.update(
                    project, created.id(), new ErrorRuleSpec("Checkout storm", "frequency", 100, 600, "production", "error", Map.of(), true)));
    assertThat(updated.id()).isEqualTo(created.id());
    assertThat(updated).extracting(ErrorAlertRule::threshold, ErrorAlertRule::windowSeconds, ErrorAlertRule::environment, ErrorAlertRule::minLevel)
        .containsExactly(100, 600, "production", "error");
    assertThat(updated.labels()).isEmpty();
    assertThat(await(() -> rules.list(project))).extracting(ErrorAlertRule::name).containsExactly("Checkout storm");

    assertThat(await(() -> rules.delete(project, created.id()))).isTrue();
    assertThat(await(() -> rules.find(project, created.id()))).isNull();
    assertThat(await(() -> rules.delete(project, created.id()))).isFalse();
  }

  @Test
  void theEvaluatorReadsOnlyEnabledRules() {
    ErrorAlertRule on = await(() -> rules.create(project, new ErrorRuleSpec("on", "regression", 1, 60, null, null, Map.of(), true)));
    ErrorAlertRule off = await(() -> rules.create(project, new ErrorRuleSpec("off", "volume", 1000, 60, null, null, Map.of(), false)));

    assertThat(await(() -> rules.allEnabled())).extracting(ErrorAlertRule::id).contains(on.id()).doesNotContain(off.id());
  }

  @Test
  void namesAreUniquePerProject() {
    ErrorRuleSpec spec = new ErrorRuleSpec("New issue", "new_issue", 1, 60, null, null, Map.of(), true);
    await(() -> rules.create(project, spec));
    assertThatThrownBy(() -> await(() -> rules.create(project, spec))).isInstanceOf(NameTakenException.class);
    long other = fixture.project();
    ErrorAlertRule theirs = await(() -> rules.create(other, spec));
    assertThat(await(() -> rules.find(project, theirs.id()))).isNull();
    assertThat(await(() -> rules.update(project, theirs.id(), spec))).isNull();
  }
}
