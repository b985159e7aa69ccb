package dev.vigil.query.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alerting.routing.LabelMatcher;
import dev.vigil.alerting.routing.LabelMatchers;
import dev.vigil.alerting.routing.Silence;
import dev.vigil.query.rest.ApiException;
import dev.vigil.query.rest.Params;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A new silence, checked as Alertmanager checks one: {@code matchers} (at least one that does not match
 * the empty string, so a silence never mutes everything), {@code startsAt} (default now), and either
 * {@code endsAt} or {@code durationSeconds}, ending in the future; {@code comment}.
 *
 * @param matchers the matchers in their normal written form
 */
public record SilenceRequest(String matchers, Instant startsAt, Instant endsAt, String comment) {

  static final Duration MAX_DURATION = Duration.ofDays(366);

  public static SilenceRequest parse(JsonNode body, Instant now) {
    JsonFields.object(body, "silence");
    String text = JsonFields.text(body, "matchers", Matchers.MAX_LENGTH, null);
    List<LabelMatcher> matchers = Matchers.parse("matchers", text);
    Instant startsAt = time(body, "startsAt");
    startsAt = startsAt == null ? now : startsAt;
    Instant endsAt = time(body, "endsAt");
    JsonNode duration = body.get("durationSeconds");
    if (duration != null && !duration.isNull()) {
      if (endsAt != null) {
        throw ApiException.badRequest("give endsAt or durationSeconds, not both");
      }
      endsAt = startsAt.plusSeconds(JsonFields.integer(body, "durationSeconds", 0, 1, (int) MAX_DURATION.toSeconds()));
    }
    if (endsAt == null) {
      throw ApiException.badRequest("endsAt (or durationSeconds) is required");
    }
    if (!endsAt.isAfter(now)) {
      throw ApiException.badRequest("endsAt must be in the future");
    }
    if (Duration.between(startsAt, endsAt).compareTo(MAX_DURATION) > 0) {
      throw ApiException.badRequest("a silence lasts at most 366 days");
    }
    List<String> problems = new Silence(0, matchers, startsAt, endsAt, "", "").problems();
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(String.join("; ", problems));
    }
    String comment = JsonFields.text(body, "comment", 2000, "").strip();
    return new SilenceRequest(LabelMatchers.render(matchers), startsAt, endsAt, comment);
  }

  private static Instant time(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw ApiException.badRequest(field + " must be an ISO-8601 time");
    }
    return Params.time(field, n.asText());
  }
}
