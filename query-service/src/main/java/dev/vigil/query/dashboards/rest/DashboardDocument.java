package dev.vigil.query.dashboards.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.query.rest.ApiException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of a dashboard create or update, checked and normalized: a title and panels
 * {@code [{id, title, kind, query, view, gridPos:{x, y, w, h}}]} on a 24-column grid. Only the known
 * fields are kept, so the stored document is always one the UI can draw.
 *
 * @param panelsJson the normalized panels as a JSON array
 * @param version the version the update was based on, or null to overwrite whatever is stored
 */
record DashboardDocument(String title, String panelsJson, Integer version) {

  static final int MAX_TITLE = 200;
  static final int MAX_PANELS = 50;
  static final int MAX_QUERY = 10_000;
  static final int GRID_COLUMNS = 24;
  static final int MAX_ROW = 1_000;
  static final int MAX_HEIGHT = 50;

  /**
   * The panel kinds and their views: PromQL as graph or table; the issue list; traces as the
   * durations of the latest matching traces or the services' RED figures; logs as volume over time.
   * For all but PromQL the query is the URL query string of the matching page and API
   * ({@code service=checkout&status=error}).
   */
  static final Map<String, List<String>> VIEWS =
      Map.of("promql", List.of("graph", "table"), "issues", List.of("table"), "traces", List.of("durations", "red"), "logs", List.of("volume"));

  private static final Pattern PANEL_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final ObjectMapper JSON = new ObjectMapper();

  static DashboardDocument parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("a JSON object with title and panels is required");
    }
    String title = text(body.get("title"), "title", MAX_TITLE, false);
    JsonNode panels = body.get("panels");
    if (panels != null && !panels.isNull() && !panels.isArray()) {
      throw ApiException.badRequest("panels must be an array");
    }
    ArrayNode normalized = JSON.createArrayNode();
    if (panels != null && panels.isArray()) {
      if (panels.size() > MAX_PANELS) {
        throw ApiException.badRequest("a dashboard has at most " + MAX_PANELS + " panels");
      }
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < panels.size(); i++) {
        ObjectNode panel = panel(panels.get(i), "panels[" + i + "]");
        if (!ids.add(panel.get("id").asText())) {
          throw ApiException.badRequest("panels[" + i + "].id repeats another panel's id");
        }
        normalized.add(panel);
      }
    }
    Integer version = null;
    JsonNode v = body.get("version");
    if (v != null && !v.isNull()) {
      if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
        throw ApiException.badRequest("version must be the positive whole number the dashboard was read with");
      }
      version = v.asInt();
    }
    return new DashboardDocument(title, normalized.toString(), version);
  }

  private static ObjectNode panel(JsonNode node, String at) {
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest(at + " must be an object");
    }
    String id = text(node.get("id"), at + ".id", 64, false);
    if (!PANEL_ID.matcher(id).matches()) {
      throw ApiException.badRequest(at + ".id must be 1-64 letters, digits, '-' or '_'");
    }
    String kind = text(node.get("kind"), at + ".kind", 20, false);
    List<String> views = VIEWS.get(kind);
    if (views == null) {
      throw ApiException.badRequest(at + ".kind must be one of " + String.join(", ", VIEWS.keySet().stream().sorted().toList()));
    }
    String view = node.hasNonNull("view") ? text(node.get("view"), at + ".view", 20, false) : views.get(0);
    if (!views.contains(view)) {
      throw ApiException.badRequest(at + ".view of a " + kind + " panel must be one of " + String.join(", ", views));
    }
    String query = node.hasNonNull("query") ? text(node.get("query"), at + ".query", MAX_QUERY, true) : "";
    if (kind.equals("promql") && query.isBlank()) {
      throw ApiException.badRequest(at + ".query of a promql panel must not be empty");
    }
    ObjectNode panel = JSON.createObjectNode();
    panel.put("id", id);
    panel.put("title", node.hasNonNull("title") ? text(node.get("title"), at + ".title", MAX_TITLE, true) : "");
    panel.put("kind", kind);
    panel.put("query", query);
    panel.put("view", view);
    panel.set("gridPos", gridPos(node.get("gridPos"), at + ".gridPos"));
    return panel;
  }

  private static ObjectNode gridPos(JsonNode node, String at) {
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest(at + " must be an object {x, y, w, h}");
    }
    int w = integer(node, at, "w", 1, GRID_COLUMNS);
    int x = integer(node, at, "x", 0, GRID_COLUMNS - w);
    ObjectNode pos = JSON.createObjectNode();
    pos.put("x", x);
    pos.put("y", integer(node, at, "y", 0, MAX_ROW));
    pos.put("w", w);
    pos.put("h", integer(node, at, "h", 1, MAX_HEIGHT));
    return pos;
  }

  private static int integer(JsonNode parent, String at, String field, int min, int max) {
    JsonNode n = parent.get(field);
    if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < min || n.asInt() > max) {
      throw ApiException.badRequest(at + "." + field + " must be a whole number from " + min + " to " + max);
    }
    return n.asInt();
  }

  private static String text(JsonNode node, String field, int max, boolean blankAllowed) {
    if (node == null || !node.isTextual() || (!blankAllowed && node.asText().isBlank()) || node.asText().length() > max) {
      throw ApiException.badRequest(field + " must be a " + (blankAllowed ? "" : "non-empty ") + "string of at most " + max + " characters");
    }
    return blankAllowed ? node.asText() : node.asText().strip();
  }
}
