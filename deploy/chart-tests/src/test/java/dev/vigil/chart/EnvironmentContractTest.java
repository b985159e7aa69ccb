package dev.vigil.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chart configures the services with the local stack's variable names: each service gets exactly the
 * variables ./vigil up gives it that the service reads, and any other variable is one a document names.
 */
class EnvironmentContractTest {

  @ParameterizedTest
  @ValueSource(strings = {"default", "small", "external"})
  void chartUsesTheLocalStacksVariableNames(String install) {
    Manifests m = ChartRenderer.profile(install).render();
    Map<String, Set<String>> local = LocalStack.environment();
    Set<String> everyLocalName = local.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
    String docs = documentation();
    SoftAssertions soft = new SoftAssertions();
    for (String name : ServiceProperties.SERVICES) {
      ServiceProperties properties = ServiceProperties.of(name);
      Set<String> chart = Pods.env(Pods.container(m.workload(ChartRenderer.RELEASE + "-" + name).template())).keySet();
      Set<String> expected = local.get(name).stream().filter(properties::reads).collect(Collectors.toCollection(TreeSet::new));
      Set<String> shared = chart.stream().filter(everyLocalName::contains).collect(Collectors.toCollection(TreeSet::new));
      Set<String> chartOnly = chart.stream().filter(n -> !everyLocalName.contains(n)).collect(Collectors.toCollection(TreeSet::new));
      System.out.printf("%-16s local stack and read: %s%n%-16s chart only: %s%n", name, expected, "", chartOnly);

      soft.assertThat(shared).as("%s: the local stack's variables it reads, no more, no fewer", name)
          .containsExactlyInAnyOrderElementsOf(expected);
      for (String variable : chartOnly) {
        soft.assertThat(properties.reads(variable) || docs.contains("`" + variable + "`"))
            .as("%s: %s is read by its application.properties or documented in docs/", name, variable)
            .isTrue();
      }
    }
    soft.assertAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"default", "external"})
  void migrationJobHasTheProcessorsConnectionSettings(String install) {
    Manifests m = ChartRenderer.profile(install).render();
    Map<String, String> processor = Pods.env(Pods.container(m.workload("vigil-event-processor").template()));
    Map<String, String> job = Pods.env(Pods.container(m.workload("vigil-migrations").template()));

    for (String name : Set.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL",
        "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "VIGIL_CLICKHOUSE_URL", "VIGIL_CLICKHOUSE_USER",
        "VIGIL_CLICKHOUSE_PASSWORD")) {
      assertThat(job.get(name)).as(name).isNotNull().isEqualTo(processor.get(name));
    }
  }

  private static String documentation() {
    try (Stream<Path> files = Files.list(Repository.ROOT.resolve("docs"))) {
      return files.filter(f -> f.toString().endsWith(".md")).map(Repository::read).collect(Collectors.joining("\n"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
