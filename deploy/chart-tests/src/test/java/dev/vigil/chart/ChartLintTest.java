package dev.vigil.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

class ChartLintTest {

  @Test
  void lintFindsNoErrorOrWarning() {
    LintResult lint = new Helm(Repository.CHART).lint().strict().call();

    lint.getMessages().forEach(m -> System.out.println("helm lint: " + m));
    assertThat(lint.isFailed()).as("helm lint --strict failed: %s", lint.getMessages()).isFalse();
    assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
  }

  @Test
  void appVersionIsTheVersionTheImagesAreTaggedWith() {
    String chart = Repository.read(Repository.CHART.resolve("Chart.yaml"));

    assertThat(chart).containsPattern("(?m)^appVersion: \"" + java.util.regex.Pattern.quote(Repository.projectVersion()) + "\"$");
    assertThat(chart).containsPattern("(?m)^apiVersion: v2$").containsPattern("(?m)^name: vigil$");
  }
}
