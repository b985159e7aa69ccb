package dev.vigil.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Every value of values.yaml is declared in values.schema.json and described in the chart's README. */
class ValuesDocumentationTest {

  /** Blocks passed to Kubernetes (or the database) as they are: documented and validated as a whole. */
  static final Set<String> PASS_THROUGH = Set.of("podSecurityContext", "containerSecurityContext", "updateStrategy",
      "resources", "config");

  static final Set<String> SERVICE_KEYS = Set.of("ingestGateway", "otlpReceiver", "eventProcessor", "queryService",
      "alertService", "webUi");

  @Test
  void everyValueHasASchemaAndAReadmeEntry() throws IOException {
    JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(Repository.CHART.resolve("values.yaml").toFile());
    JsonNode schema = new ObjectMapper().readTree(Repository.CHART.resolve("values.schema.json").toFile());
    String readme = Repository.read(Repository.CHART.resolve("README.md"));
    List<String> leaves = new ArrayList<>();
    collectLeaves(values, "", leaves);
    assertThat(leaves).hasSizeGreaterThan(80);

    SoftAssertions soft = new SoftAssertions();
    for (String path : leaves) {
      soft.assertThat(declared(schema, schema, path.split("\\."), 0)).as("values.schema.json declares %s", path).isTrue();
      String first = path.substring(0, path.contains(".") ? path.indexOf('.') : path.length());
      String generic = SERVICE_KEYS.contains(first) ? "<service>" + path.substring(first.length()) : path;
      soft.assertThat(readme.contains("`" + path + "`") || readme.contains("`" + generic + "`"))
          .as("README.md describes %s", path).isTrue();
    }
    soft.assertAll();
  }

  /** Leaf values; maps are walked, lists, empty maps and pass-through blocks are leaves. */
  private static void collectLeaves(JsonNode node, String prefix, List<String> leaves) {
    String key = prefix.substring(prefix.lastIndexOf('.') + 1);
    if (node.isObject() && node.size() > 0 && !PASS_THROUGH.contains(key)) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        collectLeaves(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), leaves);
      }
    } else {
      leaves.add(prefix);
    }
  }

  private static boolean declared(JsonNode root, JsonNode schema, String[] path, int i) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      return declared(root, root.at(ref.substring(1)), path, i);
    }
    if (i == path.length) {
      return true;
    }
    JsonNode properties = schema.path("properties");
    if (properties.has(path[i])) {
      return declared(root, properties.get(path[i]), path, i + 1);
    }
    JsonNode additional = schema.path("additionalProperties");
    return additional.isObject() && declared(root, additional, path, i + 1);
  }
}
