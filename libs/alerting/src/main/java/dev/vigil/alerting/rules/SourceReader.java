package dev.vigil.alerting.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the first document of a Jackson token stream (YAML or JSON) into {@link SourceNode}s.
 * Resolves YAML anchors, aliases and {@code <<} merge keys as Go's yaml.v3 does, and reports a key
 * written twice in one mapping, which yaml.v3 rejects.
 */
final class SourceReader {

  private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

  private final JsonParser parser;
  private final List<String> errors;
  private final Map<String, SourceNode> anchors = new HashMap<>();

  private SourceReader(JsonParser parser, List<String> errors) {
    this.parser = parser;
    this.errors = errors;
  }

  /** The document's root, or null when the input is empty or cannot be read (then errors says why). */
  static SourceNode read(JsonParser parser, List<String> errors) {
    SourceReader reader = new SourceReader(parser, errors);
    try (parser) {
      JsonToken first = parser.nextToken();
      return first == null ? null : reader.value(first);
    } catch (JsonProcessingException e) {
      errors.add(syntaxError(e));
      return null;
    } catch (IOException e) {
      errors.add(e.getMessage());
      return null;
    }
  }

  /**
   * A one-line message for a syntax error. SnakeYAML's are several lines (context, problem, and a
   * caret under the text for each); keep the descriptions and the last position they name.
   */
  private static String syntaxError(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    Matcher mark = MARK.matcher(message);
    String position = e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ": ";
    while (mark.find()) {
      position = mark.group(1) + ":" + mark.group(2) + ": ";
    }
    List<String> descriptions = new ArrayList<>();
    for (String line : message.split("\n")) {
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        descriptions.add(line.strip());
      }
    }
    return position + String.join(": ", descriptions);
  }

  private SourceNode value(JsonToken token) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    String anchor = anchor();
    SourceNode node;
    if (isAlias()) {
      node = anchors.get(parser.getText());
      if (node == null) {
        errors.add(line + ":" + column + ": unknown anchor '" + parser.getText() + "' referenced");
        node = SourceNode.nullValue(line, column);
      }
      return node;
    }
    switch (token) {
      case START_OBJECT -> node = mapping(line, column);
      case START_ARRAY -> node = sequence(line, column);
      case VALUE_NULL -> node = SourceNode.nullValue(line, column);
      default -> node = SourceNode.scalar(parser.getText(), line, column);
    }
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private SourceNode mapping(int line, int column) throws IOException {
    Map<String, SourceNode.Entry> entries = new LinkedHashMap<>();
    List<SourceNode> merges = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonLocation at = parser.currentTokenLocation();
      SourceNode value = value(parser.nextToken());
      if (key.equals("<<") && parser instanceof YAMLParser) {
        merges.add(value);
        continue;
      }
      SourceNode.Entry previous = entries.get(key);
      if (previous != null) {
        errors.add(at.getLineNr() + ":" + at.getColumnNr() + ": mapping key " + SourceNode.quoted(key)
            + " already defined at line " + previous.line());
        continue;
      }
      entries.put(key, new SourceNode.Entry(key, at.getLineNr(), at.getColumnNr(), value));
    }
    if (token != JsonToken.END_OBJECT) {
      throw new IOException(line + ":" + column + ": unexpected " + token + " in a mapping");
    }
    for (SourceNode merge : merges) {
      List<SourceNode> sources = merge.kind == SourceNode.Kind.LIST ? merge.items : List.of(merge);
      for (SourceNode source : sources) {
        if (source.kind != SourceNode.Kind.MAP) {
          errors.add(source.position() + "map merge requires a mapping or a list of mappings");
          continue;
        }
        source.entries.forEach(entries::putIfAbsent);
      }
    }
    return SourceNode.map(entries, line, column);
  }

  private SourceNode sequence(int line, int column) throws IOException {
    List<SourceNode> items = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw new IOException(line + ":" + column + ": unterminated list");
      }
      items.add(value(token));
    }
    return SourceNode.list(items, line, column);
  }

  private String anchor() throws IOException {
    return parser instanceof YAMLParser yaml ? yaml.getObjectId() : null;
  }

  private boolean isAlias() {
    return parser instanceof YAMLParser yaml && yaml.isCurrentAlias();
  }
}
