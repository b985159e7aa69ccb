package dev.vigil.sentry.grouping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.domain.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Assigns an event to an issue: a custom fingerprint wins; otherwise the exception chain (types and
 * in-app call sites), otherwise the parameterized message. Equal hashes mean the same issue. The
 * components explain which inputs were used and which were ignored. Thread-safe.
 */
public final class Grouper {

  /** Version of these rules; stored with each issue so that a later change can be recognised. */
  public static final String CONFIG = "vigil:2026-11";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public GroupingResult group(Event event) {
    DefaultGrouping.Outcome defaults = DefaultGrouping.of(event, messageTemplate(event));
    String variant = defaults.variant();
    List<GroupingComponent> components = defaults.components();
    if (Fingerprints.isCustom(event.fingerprint())) {
      components = List.of(Fingerprints.resolve(event, defaults::components));
      variant = "fingerprint";
    }
    return new GroupingResult(
        hash(components), CONFIG, variant, components, Titles.title(event), Titles.culprit(event), type(event));
  }

  private static String type(Event event) {
    if (event.mainException() != null && event.mainException().type() != null) {
      return event.mainException().type();
    }
    return event.message() != null ? "message" : "default";
  }

  /**
   * The unformatted logentry template when params were sent: "Order %s failed" groups every order,
   * which its formatted form cannot guarantee. Only the payload keeps it.
   */
  private static String messageTemplate(Event event) {
    if (!event.exceptions().isEmpty() || event.payload() == null || !event.payload().contains("\"logentry\"")) {
      return null;
    }
    try {
      JsonNode logentry = MAPPER.readTree(event.payload()).path("logentry");
      JsonNode params = logentry.path("params");
      JsonNode template = logentry.path("message");
      boolean hasParams = (params.isArray() || params.isObject()) && !params.isEmpty();
      return hasParams && template.isTextual() ? template.textValue() : null;
    } catch (IOException e) {
      // The payload is the normalizer's own output; if it cannot be read the formatted message still groups.
      return null;
    }
  }

  private static String hash(List<GroupingComponent> components) {
    StringBuilder input = new StringBuilder();
    components.forEach(c -> c.appendHashInput(input));
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(input.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides MD5", e);
    }
  }
}
