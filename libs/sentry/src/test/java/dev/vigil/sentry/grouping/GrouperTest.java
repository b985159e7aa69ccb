package dev.vigil.sentry.grouping;

import static dev.vigil.sentry.event.Fixtures.frames;
import static dev.vigil.sentry.event.Fixtures.mainFrames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.sentry.event.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrouperTest {

  private final Grouper grouper = new Grouper();

  @Test
  void sameBugAcrossReleasesHostsAndLineShiftsGroupsTogether() {
    ObjectNode original = Fixtures.load("python_zero_division.json");
    ObjectNode shifted = original.deepCopy();
    for (JsonNode frame : mainFrames(shifted)) {
      ((ObjectNode) frame).put("lineno", frame.path("lineno").asInt() + 7);
      ((ObjectNode) frame).putObject("vars").put("items", "[<Item 1>]");
    }
    shifted.put("release", "shop@1.5.0").put("server_name", "web-9").put("event_id", "00000000000000000000000000000001");
    shifted.putObject("user").put("id", "77");

    assertThat(hash(shifted)).isEqualTo(hash(original));
  }

  @Test
  void differentInAppFunctionSplits() {
    ObjectNode original = Fixtures.load("python_zero_division.json");
    ObjectNode other = original.deepCopy();
    ((ObjectNode) mainFrames(other).get(3)).put("function", "median_price");

    assertThat(hash(other)).isNotEqualTo(hash(original));
  }

  @Test
  void differentInAppSourceLineSplitsForPython() {
    ObjectNode original = Fixtures.load("python_zero_division.json");
    ObjectNode other = original.deepCopy();
    ((ObjectNode) mainFrames(other).get(3)).put("context_line", "    return total / count");

    assertThat(hash(other)).isNotEqualTo(hash(original));
  }

  @Test
  void differentExceptionTypeSplits() {
    ObjectNode original = Fixtures.load("python_zero_division.json");
    ObjectNode other = original.deepCopy();
    ((ObjectNode) other.path("exception").path("values").get(0)).put("type", "TypeError");

    assertThat(hash(other)).isNotEqualTo(hash(original));
  }

  @Test
  void libraryFrameDifferencesDoNotSplit() {
    ObjectNode original = Fixtures.load("python_zero_division.json");
    ObjectNode upgraded = original.deepCopy();
    ArrayNode frames = mainFrames(upgraded);
    ((ObjectNode) frames.get(1)).put("function", "dispatch_request_async").put("context_line", "        return view(**kw)");
    frames.insert(0, frames.get(0).deepCopy());
    ((ObjectNode) frames.get(0)).put("function", "wsgi_app").put("abs_path", "/srv/shop/.venv/lib/python3.12/site-packages/flask/app.py");

    assertThat(hash(upgraded)).isEqualTo(hash(original));
  }

  @Test
  void exceptionValueIsIgnoredWhenTheStackContributes() {
    ObjectNode original = Fixtures.load("python_keyerror_chained.json");
    ObjectNode other = original.deepCopy();
    ((ObjectNode) other.path("exception").path("values").get(1)).put("value", "order 99 has no shipping address");
    ((ObjectNode) other.path("exception").path("values").get(0)).put("value", "'billing_address'");

    assertThat(hash(other)).isEqualTo(hash(original));
  }

  @Test
  void everyLinkOfTheChainContributes() {
    ObjectNode original = Fixtures.load("python_keyerror_chained.json");
    ObjectNode otherCause = original.deepCopy();
    ((ObjectNode) otherCause.path("exception").path("values").get(0)).put("type", "AttributeError");

    assertThat(hash(otherCause)).isNotEqualTo(hash(original));
  }

  @Test
  void componentsExplainWhatWasUsedAndWhatWasIgnored() throws Exception {
    GroupingResult result = grouper.group(Fixtures.event("python_zero_division.json"));

    assertThat(result.variant()).isEqualTo("app");
    assertThat(result.config()).isEqualTo(Grouper.CONFIG);
    assertThat(result.hash()).matches("[0-9a-f]{32}");
    JsonNode components = Fixtures.MAPPER.readTree(result.componentsJson());
    assertThat(components.isArray()).isTrue();
    JsonNode exception = components.get(0);
    assertThat(exception.path("id").asText()).isEqualTo("exception");
    List<String> used = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    collect(exception, used, ignored);
    assertThat(used)
        .containsExactly(
            "type=ZeroDivisionError",
            "module=shop.views", "context-line=average = average_price(cart.items)", "function=cart_summary",
            "module=shop.pricing", "context-line=return total / len(items)", "function=average_price");
    assertThat(ignored).contains("frame: non app frame", "value: ignored because the stack trace takes precedence");
  }

  @Test
  void recursionIsCollapsed() {
    ObjectNode once = Fixtures.load("python_zero_division.json");
    ObjectNode recursive = once.deepCopy();
    ArrayNode frames = mainFrames(recursive);
    for (int i = 0; i < 4; i++) {
      ObjectNode copy = frames.get(2).deepCopy();
      copy.put("lineno", 40 + i);
      frames.insert(2, copy);
    }

    assertThat(hash(recursive)).isEqualTo(hash(once));
  }

  @Test
  void sentrySdkFramesNeverContribute() {
    ObjectNode original = Fixtures.load("python_zero_division.json");
    ObjectNode withSdk = original.deepCopy();
    mainFrames(withSdk)
        .addObject()
        .put("module", "sentry_sdk.integrations.flask")
        .put("function", "_capture_exception")
        .put("abs_path", "/srv/shop/sentry_sdk/integrations/flask.py")
        .put("in_app", true);

    assertThat(hash(withSdk)).isEqualTo(hash(original));
  }

  @Test
  void withoutInAppFramesTheWholeStackIsUsed() {
    ObjectNode original = Fixtures.load("python_zero_division.json");
    for (JsonNode frame : mainFrames(original)) {
      ((ObjectNode) frame).put("in_app", false);
    }
    ObjectNode otherLibraryPath = original.deepCopy();
    ((ObjectNode) mainFrames(otherLibraryPath).get(0)).put("function", "handle_exception");

    GroupingResult result = grouper.group(Fixtures.normalize(original));
    assertThat(result.variant()).isEqualTo("system");
    assertThat(hash(otherLibraryPath)).isNotEqualTo(result.hash());
  }

  @Test
  void javaChainGroupsAcrossLambdaCountersProxiesAndLineShifts() {
    ObjectNode original = Fixtures.load("java_chained_sql.json");
    ObjectNode rebuilt = original.deepCopy();
    for (int e = 0; e < 2; e++) {
      for (JsonNode node : frames(rebuilt, e)) {
        ObjectNode frame = (ObjectNode) node;
        String module = frame.path("module").asText();
        frame.put("module", module.replace("$$Lambda/0x000071d0c4a4f2a8", "$$Lambda$231/0x0000000801234567")
            .replace("$$SpringCGLIB$$0", "$$EnhancerBySpringCGLIB$$4f2a9c1d"));
        frame.put("function", frame.path("function").asText().replace("lambda$placeOrder$0", "lambda$placeOrder$2"));
        if (frame.has("lineno")) {
          frame.put("lineno", frame.path("lineno").asInt() + 3);
        }
      }
    }
    ((ObjectNode) rebuilt.path("exception").path("values").get(1)).put("value", "Could not place order 9912 for customer eve@example.org");
    rebuilt.put("release", "orders@3.3.0+9a0b1c2");

    assertThat(hash(rebuilt)).isEqualTo(hash(original));
  }

  @Test
  void javaHiddenLambdaAndProxyFramesDoNotSplit() throws Exception {
    ObjectNode original = Fixtures.load("java_chained_sql.json");
    ObjectNode withoutGenerated = original.deepCopy();
    for (int e = 0; e < 2; e++) {
      ArrayNode frames = frames(withoutGenerated, e);
      for (int i = frames.size() - 1; i >= 0; i--) {
        if (frames.get(i).path("module").asText().contains("$$")) {
          frames.remove(i);
        }
      }
    }

    GroupingResult result = grouper.group(Fixtures.normalize(original));
    assertThat(hash(withoutGenerated)).isEqualTo(result.hash());
    List<String> ignored = new ArrayList<>();
    collect(Fixtures.MAPPER.readTree(result.componentsJson()).get(0), new ArrayList<>(), ignored);
    assertThat(ignored).contains("frame: generated proxy or lambda class");
  }

  @Test
  void javaFrameworkUpgradeDoesNotSplitButAnotherCallSiteDoes() {
    ObjectNode original = Fixtures.load("java_chained_sql.json");
    ObjectNode upgraded = original.deepCopy();
    for (int e = 0; e < 2; e++) {
      for (JsonNode node : frames(upgraded, e)) {
        ObjectNode frame = (ObjectNode) node;
        if (frame.path("module").asText().startsWith("org.")) {
          frame.put("function", frame.path("function").asText() + "Internal");
        }
      }
    }
    ObjectNode otherCallSite = original.deepCopy();
    for (int e = 0; e < 2; e++) {
      for (JsonNode node : frames(otherCallSite, e)) {
        if (node.path("function").asText().equals("placeOrder")) {
          ((ObjectNode) node).put("function", "reorder");
        }
      }
    }

    assertThat(hash(upgraded)).isEqualTo(hash(original));
    assertThat(hash(otherCallSite)).isNotEqualTo(hash(original));
  }

  @Test
  void nodeFramesGroupByContextLineNotByFunctionNameOrLine() {
    ObjectNode original = Fixtures.load("node_type_error.json");
    ObjectNode renamed = original.deepCopy();
    for (JsonNode node : mainFrames(renamed)) {
      ((ObjectNode) node).put("function", node.path("function").asText() + "Renamed").put("lineno", 99).put("colno", 3);
    }
    ObjectNode otherLine = original.deepCopy();
    ((ObjectNode) mainFrames(otherLine).get(3)).put("context_line", "    contact: user.profile.email,");

    assertThat(hash(renamed)).isEqualTo(hash(original));
    assertThat(hash(otherLine)).isNotEqualTo(hash(original));
  }

  @Test
  void groupsMinifiedFramesByFunctionWhenNoContextLine() {
    ObjectNode original = Fixtures.load("browser_minified_no_context.json");
    ObjectNode redeployed = original.deepCopy();
    for (JsonNode node : mainFrames(redeployed)) {
      ObjectNode frame = (ObjectNode) node;
      frame.put("filename", frame.path("filename").asText()
          .replace("index-BxYz12Ab.js", "index-Q9rT3uVw.js")
          .replace("vendor.5c1e8a7b.js", "vendor.0d9e8f7a.js") + "?v=2");
      frame.put("colno", frame.path("colno").asInt() + 120);
    }
    ObjectNode otherFunction = original.deepCopy();
    ((ObjectNode) mainFrames(otherFunction).get(3)).put("function", "Zt");

    assertThat(hash(redeployed)).isEqualTo(hash(original));
    assertThat(hash(otherFunction)).isNotEqualTo(hash(original));
  }

  @Test
  void groupsSourceMappedFramesByContextLineAndIgnoresLongMinifiedLines() throws Exception {
    GroupingResult result = grouper.group(Fixtures.event("browser_minified_with_context.json"));
    List<String> used = new ArrayList<>();
    collect(Fixtures.MAPPER.readTree(result.componentsJson()).get(0), used, new ArrayList<>());

    assertThat(used)
        .contains("context-line=return line.product.price * line.quantity;", "filename=totals.ts")
        .doesNotContain("function=lineTotal");

    ObjectNode renamed = Fixtures.load("browser_minified_with_context.json");
    ((ObjectNode) mainFrames(renamed).get(2)).put("function", "Ke").put("lineno", 10);
    assertThat(hash(renamed)).isEqualTo(result.hash());
  }

  @Test
  void messagesWithVariablePartsGroupTogether() {
    ObjectNode original = Fixtures.load("message_with_variables.json");
    ObjectNode other = original.deepCopy();
    other.put("message", "User 17 not found in shard db-12.internal.example.com after 1.5s (request 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d)");
    ObjectNode different = original.deepCopy();
    different.put("message", "User 42 was deleted in shard db-3.internal.example.com after 250ms (request 9f8e7d6c-5b4a-4321-8fed-cba987654321)");

    GroupingResult result = grouper.group(Fixtures.normalize(original));
    assertThat(result.variant()).isEqualTo("message");
    assertThat(result.components().get(0).value())
        .isEqualTo("User <int> not found in shard <hostname> after <duration> (request <uuid>)");
    assertThat(hash(other)).isEqualTo(result.hash());
    assertThat(hash(different)).isNotEqualTo(result.hash());
  }

  @Test
  void idOneAndIdTwoAreOneIssue() {
    assertThat(hash(Fixtures.parse("{\"message\": \"id 1\"}"))).isEqualTo(hash(Fixtures.parse("{\"message\": \"id 2\"}")));
  }

  @Test
  void logMessagesGroupByTheirTemplateWhatEverTheParams() {
    ObjectNode original = Fixtures.load("python_logging_message.json");
    ObjectNode other = original.deepCopy();
    ((ObjectNode) other.path("logentry")).putArray("params").add("order-without-id").add("bob").add(12.75);

    GroupingResult result = grouper.group(Fixtures.normalize(original));
    assertThat(result.components().get(0).value()).isEqualTo("Payment %s for user %s failed after %.1fs");
    assertThat(hash(other)).isEqualTo(result.hash());
  }

  @Test
  void exceptionWithoutStackGroupsByParameterizedValue() {
    String first = "{\"exception\": {\"values\": [{\"type\": \"TimeoutError\", \"value\": \"connect to 10.0.3.17:5432 timed out after 30s\"}]}}";
    String second = "{\"exception\": {\"values\": [{\"type\": \"TimeoutError\", \"value\": \"connect to 10.0.9.2:5432 timed out after 5s\"}]}}";
    String other = "{\"exception\": {\"values\": [{\"type\": \"TimeoutError\", \"value\": \"read from 10.0.9.2:5432 timed out after 5s\"}]}}";

    assertThat(hash(Fixtures.parse(first))).isEqualTo(hash(Fixtures.parse(second)));
    assertThat(hash(Fixtures.parse(first))).isNotEqualTo(hash(Fixtures.parse(other)));
  }

  @Test
  void eventsWithoutAnythingToGroupByShareTheFallbackGroup() {
    GroupingResult result = grouper.group(Fixtures.normalize("{\"level\": \"info\"}"));
    assertThat(result.variant()).isEqualTo("fallback");
    assertThat(result.title()).isEqualTo("<unlabeled event>");
    assertThat(result.type()).isEqualTo("default");
    assertThat(result.hash()).isEqualTo(grouper.group(Fixtures.normalize("{\"level\": \"error\"}")).hash());
  }

  private String hash(JsonNode payload) {
    return grouper.group(Fixtures.normalize(payload)).hash();
  }

  /** Flattens the explanation: "id=value" for contributing leaves, "id: hint" for ignored nodes. */
  static void collect(JsonNode component, List<String> used, List<String> ignored) {
    if (!component.path("contributes").asBoolean()) {
      if (component.has("hint")) {
        ignored.add(component.path("id").asText() + ": " + component.path("hint").asText());
      }
      return;
    }
    if (component.has("values")) {
      component.path("values").forEach(child -> collect(child, used, ignored));
    } else {
      used.add(component.path("id").asText() + "=" + component.path("value").asText());
    }
  }
}
