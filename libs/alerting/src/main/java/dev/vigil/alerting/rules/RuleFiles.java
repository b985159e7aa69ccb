package dev.vigil.alerting.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.vigil.alerting.rules.RuleDrafts.GroupDraft;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prometheus rule files: reading them with the checks {@code promtool check rules} makes (Prometheus
 * 2.x rulefmt, strict fields, legacy names, templates), writing them back, and the JSON shape of one
 * group used by the API and stored as JSONB ({@code name, interval, limit, rules: [{alert|record, expr,
 * for, keep_firing_for, labels, annotations}]}).
 *
 * <p>Also accepted, from Prometheus 2.53 and later: a group's {@code labels} (merged into each rule's
 * labels at parse time, the rule's own winning, exactly as Prometheus applies them) and {@code
 * query_offset} (kept on the group).
 */
public final class RuleFiles {

  /** Jackson's defaults read an empty plain scalar ({@code groups:}) as null, as yaml.v3 does. */
  private static final YAMLFactory YAML_READ = new YAMLFactory();
  private static final YAMLFactory YAML = YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build();
  private static final ObjectMapper YAML_WRITER = new ObjectMapper(YAML);
  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper JSON_WRITER = new ObjectMapper(JSON);

  private RuleFiles() {}

  /** Reads a rule file; throws with every problem found when Prometheus would reject it. */
  public static List<RuleGroup> parse(String yaml) throws RuleFileException {
    List<String> errors = new ArrayList<>();
    SourceNode root = SourceReader.read(parser(YAML_READ, yaml), errors);
    List<GroupDraft> drafts = new RuleFileDecoder(errors).file(root);
    List<RuleGroup> groups = new RuleValidator(errors).groups(drafts);
    if (!errors.isEmpty()) {
      throw new RuleFileException(errors);
    }
    return groups;
  }

  /** A rule file holding the groups, which {@link #parse} reads back as equal groups. */
  public static String render(List<RuleGroup> groups) {
    List<Object> shapes = new ArrayList<>();
    for (RuleGroup group : groups) {
      shapes.add(RuleShapes.group(group, false));
    }
    return write(YAML_WRITER, Map.of("groups", shapes));
  }

  /** Reads one group in the JSON shape, checked as in a rule file. */
  public static RuleGroup parseGroupJson(String json) throws RuleFileException {
    List<String> errors = new ArrayList<>();
    SourceNode root = SourceReader.read(parser(JSON, json), errors);
    RuleGroup group = null;
    if (root == null && errors.isEmpty()) {
      errors.add("a rule group is required");
    } else if (root != null) {
      GroupDraft draft = new RuleFileDecoder(errors).group(root);
      if (draft != null) {
        if (draft.name() != null && draft.name().isEmpty()) {
          errors.add(root.position() + "Groupname must not be empty");
        }
        group = new RuleValidator(errors).group(draft);
      } else if (errors.isEmpty()) {
        errors.add("a rule group is required");
      }
    }
    if (!errors.isEmpty()) {
      throw new RuleFileException(errors);
    }
    return group;
  }

  /** The group in the JSON shape, every field present ({@code interval} null for the default). */
  public static String groupJson(RuleGroup group) {
    return write(JSON_WRITER, groupMap(group));
  }

  /** The JSON shape as ordered maps and lists, for embedding in a larger JSON document. */
  public static Map<String, Object> groupMap(RuleGroup group) {
    return RuleShapes.group(group, true);
  }

  private static JsonParser parser(JsonFactory factory, String text) {
    try {
      return factory.createParser(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write rules", e);
    }
  }
}
