package dev.vigil.sentry.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.sentry.event.Fixtures;
import org.junit.jupiter.api.Test;

class TitleAndCulpritTest {

  private final Grouper grouper = new Grouper();

  @Test
  void pythonTitleIsTypeAndValueAndCulpritIsTheTransaction() {
    GroupingResult result = grouper.group(Fixtures.event("python_zero_division.json"));
    assertThat(result.title()).isEqualTo("ZeroDivisionError: division by zero");
    assertThat(result.culprit()).isEqualTo("shop.views.cart_summary");
    assertThat(result.type()).isEqualTo("ZeroDivisionError");
  }

  @Test
  void withoutTransactionTheCulpritIsTheTopInAppFrameInEachPlatformsStyle() {
    assertThat(culpritWithoutTransaction("python_zero_division.json")).isEqualTo("shop.pricing in average_price");
    assertThat(culpritWithoutTransaction("java_chained_sql.json")).isEqualTo("com.example.orders.OrderService in lambda$placeOrder$0");
    assertThat(culpritWithoutTransaction("node_type_error.json")).isEqualTo("renderProfile(src.views:profile)");
    assertThat(culpritWithoutTransaction("browser_minified_no_context.json"))
        .isEqualTo("Qt(https://shop.example.com/assets/index-BxYz12Ab.js)");
  }

  @Test
  void chainedTitleDescribesTheExceptionThatWasFinallyRaised() {
    GroupingResult result = grouper.group(Fixtures.event("java_chained_sql.json"));
    assertThat(result.title()).isEqualTo("IllegalStateException: Could not place order 7781 for customer bob@example.com");
    assertThat(result.culprit()).isEqualTo("POST /orders");
  }

  @Test
  void titleUsesTheFirstLineTruncated() {
    String longValue = "a".repeat(300);
    GroupingResult result =
        grouper.group(Fixtures.normalize("{\"exception\": {\"values\": [{\"type\": \"E\", \"value\": \"" + longValue + "\\nsecond line\"}]}}"));
    assertThat(result.title()).hasSize(Titles.MAX_TITLE).startsWith("E: aaa").endsWith("...");

    GroupingResult multiline = grouper.group(Fixtures.normalize("{\"message\": \"first line\\nsecond line\"}"));
    assertThat(multiline.title()).isEqualTo("first line");
    assertThat(multiline.type()).isEqualTo("message");
    assertThat(multiline.culprit()).isEmpty();

    assertThat(grouper.group(Fixtures.normalize("{\"exception\": [{\"type\": \"NoValueError\"}]}")).title()).isEqualTo("NoValueError");
  }

  private String culpritWithoutTransaction(String fixture) {
    ObjectNode payload = Fixtures.load(fixture);
    payload.remove("transaction");
    return grouper.group(Fixtures.normalize(payload)).culprit();
  }
}
