package dev.vigil.query.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.alerting.ChannelSpec;
import dev.vigil.state.alerting.NotificationChannel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The body of a notification channel create or update, checked: {@code name}, {@code type} and its
 * {@code settings} (see {@link ChannelSettings}), {@code matchers}, {@code groupBy}, the three grouping
 * intervals in seconds, {@code sendResolved} and {@code enabled}. Defaults are Alertmanager's route
 * defaults (30 s, 5 min, 4 h, grouped by alertname).
 */
@ApplicationScoped
public class ChannelDocuments {

  public static final List<String> TYPES = List.of("discord", "slack", "webhook", "email");

  /** Alertmanager's "group by every label". */
  static final String ALL_LABELS = "...";

  static final int MAX_SECONDS = 7 * 24 * 3600;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChannelSettings settings;

  ChannelDocuments(AlertingConfig config) {
    this.settings = new ChannelSettings(config.allowAnyWebhookUrl());
  }

  /**
   * The channel the body describes. For an update, {@code existing} is the stored channel: settings the
   * body leaves out (or sends back masked) keep their stored value, so that a client never needs the secrets.
   */
  public ChannelSpec parse(JsonNode body, NotificationChannel existing) {
    JsonFields.object(body, "channel");
    String name = JsonFields.name(body, "name", 200);
    String type = JsonFields.text(body, "type", 20, existing == null ? null : existing.type());
    if (!TYPES.contains(type)) {
      throw ApiException.badRequest("type must be one of " + String.join(", ", TYPES));
    }
    JsonNode given = body.get("settings");
    if (given != null && !given.isNull() && !given.isObject()) {
      throw ApiException.badRequest("settings must be an object");
    }
    ObjectNode stored = existing != null && existing.type().equals(type) ? storedSettings(existing) : JSON.createObjectNode();
    ObjectNode checked = settings.check(type, given == null || given.isNull() ? JSON.createObjectNode() : (ObjectNode) given, stored);
    String matchers = Matchers.normalize("matchers", JsonFields.text(body, "matchers", Matchers.MAX_LENGTH, ""));
    return new ChannelSpec(
        name,
        type,
        checked.toString(),
        matchers,
        groupBy(body),
        JsonFields.integer(body, "groupWaitSeconds", 30, 0, MAX_SECONDS),
        JsonFields.integer(body, "groupIntervalSeconds", 300, 1, MAX_SECONDS),
        JsonFields.integer(body, "repeatIntervalSeconds", 14_400, 1, MAX_SECONDS),
        JsonFields.bool(body, "sendResolved", true),
        JsonFields.bool(body, "enabled", true));
  }

  /** The settings as answered: URLs masked, the webhook secret only said to be there. */
  public static ObjectNode maskedSettings(NotificationChannel c) {
    return ChannelSettings.masked(c.type(), storedSettings(c));
  }

  private static List<String> groupBy(JsonNode body) {
    List<String> labels = JsonFields.strings(body, "groupBy", 50, 200, List.of("alertname"));
    for (String label : labels) {
      if (label.equals(ALL_LABELS)) {
        if (labels.size() > 1) {
          throw ApiException.badRequest("groupBy: \"...\" (every label) cannot be combined with other labels");
        }
      } else if (!JsonFields.LABEL_NAME.matcher(label).matches()) {
        throw ApiException.badRequest("groupBy: \"" + label + "\" is not a valid label name");
      }
    }
    if (labels.stream().distinct().count() != labels.size()) {
      throw ApiException.badRequest("groupBy names a label twice");
    }
    return labels;
  }

  private static ObjectNode storedSettings(NotificationChannel c) {
    try {
      return (ObjectNode) JSON.readTree(c.settingsJson());
    } catch (Exception e) {
      throw new IllegalStateException("settings of channel " + c.id() + " are not a JSON object", e);
    }
  }
}
