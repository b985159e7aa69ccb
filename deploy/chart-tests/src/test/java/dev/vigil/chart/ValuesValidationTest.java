package dev.vigil.chart;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Wrong values are refused before anything is installed, with a message that names the value and the rule. */
class ValuesValidationTest {

  static Stream<Arguments> wrongValues() {
    return Stream.of(
        refused("a negative replica count", c -> c.set("ingestGateway.replicas", -1),
            "at '/ingestGateway/replicas'", "minimum"),
        refused("a string where a number belongs", c -> c.set("kafka.topicPartitions", "six"),
            "at '/kafka/topicPartitions'", "want integer"),
        refused("a misspelt top-level key", c -> c.set("ingres.enabled", true),
            "additional properties 'ingres' not allowed"),
        refused("a misspelt key in a service block", c -> c.set("webUi.replica", 2),
            "at '/webUi'", "additional properties 'replica' not allowed"),
        refused("autoscaling for alert-service, whose replicas share one lease", c -> c.set("alertService.autoscaling.enabled", true),
            "at '/alertService'", "additional properties 'autoscaling' not allowed"),
        refused("a ClickHouse URL that is not JDBC", c -> c.set("clickhouse.external.url", "http://ch:8123"),
            "at '/clickhouse/external/url'", "does not match pattern"),
        refused("an unknown STARTTLS mode", c -> c.set("alertService.smtp.startTls", "YES"),
            "at '/alertService/smtp/startTls'", "value must be one of"),
        refused("a memory request that is not a quantity", c -> c.set("queryService.resources.requests.memory", "lots"),
            "at '/queryService/resources/requests/memory'"),
        refused("Kafka bootstrap servers without ports", c -> c.set("kafka.external.bootstrapServers", "kafka.example.com"),
            "at '/kafka/external/bootstrapServers'", "does not match pattern"),
        refused("more event-processor replicas than partitions",
            c -> c.set("eventProcessor.replicas", 8),
            "eventProcessor runs up to 8 replicas but kafka.topicPartitions is 6"),
        refused("an ingress without its hosts", c -> c.set("ingress.enabled", true),
            "hosts.ui is required when ingress.enabled"),
        refused("passwords in values next to an existing Secret",
            c -> c.set("secrets.existingSecret", "mine").set("postgresql.external.host", "pg").set("postgresql.external.password", "x"),
            "secrets.existingSecret is set: put the passwords into that Secret"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongValues")
  void refusesWithAClearMessage(String what, UnaryOperator<ChartRenderer> values, String[] expected) {
    assertThatThrownBy(() -> values.apply(ChartRenderer.chart()).render())
        .satisfies(e -> System.out.println(what + " -> " + e.getMessage().strip().replace("\n", " | ")))
        .hasMessageContainingAll(expected);
  }

  private static Arguments refused(String what, UnaryOperator<ChartRenderer> values, String... expected) {
    return Arguments.of(what, values, expected);
  }
}
