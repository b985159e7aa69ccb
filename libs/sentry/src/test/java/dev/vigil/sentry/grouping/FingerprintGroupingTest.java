package dev.vigil.sentry.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.sentry.event.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintGroupingTest {

  private final Grouper grouper = new Grouper();

  @Test
  void customFingerprintWinsOverTheStack() {
    ObjectNode python = Fixtures.load("python_zero_division.json");
    ObjectNode node = Fixtures.load("node_type_error.json");
    python.putArray("fingerprint").add("checkout-broken");
    node.putArray("fingerprint").add("checkout-broken");

    GroupingResult result = group(python);
    assertThat(result.variant()).isEqualTo("fingerprint");
    assertThat(group(node).hash()).isEqualTo(result.hash());
    assertThat(result.title()).as("title still describes the error").isEqualTo("ZeroDivisionError: division by zero");
  }

  @Test
  void defaultExpansionAddsTheDefaultComponentsAndTagVariablesSplitByTag() throws Exception {
    ObjectNode eu = Fixtures.load("node_type_error.json");
    eu.putArray("fingerprint").add("{{ default }}").add("{{ tags.region }}");
    ObjectNode us = eu.deepCopy();
    us.putObject("tags").put("region", "us-east-1");
    ObjectNode euAgain = eu.deepCopy();
    euAgain.put("release", "api@2.9.0");
    ObjectNode plain = Fixtures.load("node_type_error.json");

    GroupingResult result = group(eu);
    assertThat(group(us).hash()).isNotEqualTo(result.hash());
    assertThat(group(euAgain).hash()).isEqualTo(result.hash());
    assertThat(group(plain).hash()).isNotEqualTo(result.hash());

    List<String> used = new ArrayList<>();
    GrouperTest.collect(Fixtures.MAPPER.readTree(result.componentsJson()).get(0), used, new ArrayList<>());
    assertThat(used).contains("type=TypeError", "context-line=contact: user.account.email,", "fingerprint-entry=eu-west-1");
  }

  @Test
  void defaultSpelledWithoutSpacesAloneIsTheDefaultGrouping() {
    ObjectNode payload = Fixtures.load("python_zero_division.json");
    String plain = group(payload).hash();
    payload.putArray("fingerprint").add("{{default}}");

    GroupingResult result = group(payload);
    assertThat(result.variant()).isEqualTo("app");
    assertThat(result.hash()).isEqualTo(plain);
  }

  @Test
  void variablesAreReplacedByTheEventsValues() {
    ObjectNode payload = Fixtures.load("java_chained_sql.json");
    payload.putArray("fingerprint").add("{{ type }}").add("{{ error.value }}").add("{{ function }}").add("{{ module }}")
        .add("{{ transaction }}").add("{{ level }}").add("{{ tags.missing }}").add("prefix-{{type}}");

    GroupingResult result = group(payload);
    assertThat(result.components().get(0).values())
        .extracting(GroupingComponent::value)
        .containsExactly(
            "IllegalStateException",
            "Could not place order 7781 for customer bob@example.com",
            "lambda$placeOrder$0",
            "com.example.orders.OrderService",
            "POST /orders",
            "error",
            "<no-value-for-tag-missing>",
            "prefix-IllegalStateException");
  }

  private GroupingResult group(ObjectNode payload) {
    return grouper.group(Fixtures.normalize(payload));
  }
}
