package dev.vigil.testsupport.capture;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Slack incoming-webhook limits (https://api.slack.com/reference/block-kit/blocks): a non-empty
 * {@code text} or {@code blocks}, at most 50 blocks, a header's plain_text at most 150 characters, a
 * section's text at most 3000 and at most 10 fields of 2000, a context at most 10 elements of 3000.
 * Slack answers such a body 400 {@code invalid_blocks} (or {@code no_text}); the reason follows.
 */
public final class SlackWebhookRules implements PayloadRules {

  @Override
  public Optional<String> violation(String body) {
    JsonNode message = PayloadRules.jsonObject(body);
    if (message == null) {
      return Optional.of("invalid_payload: the body is not a JSON object");
    }
    JsonNode blocks = message.get("blocks");
    boolean hasText = PayloadRules.length(message.get("text")) > 0;
    boolean hasBlocks = blocks != null && blocks.isArray() && blocks.size() > 0;
    if (!hasText && !hasBlocks) {
      return Optional.of("no_text: neither text nor blocks");
    }
    if (blocks != null && !blocks.isNull() && !blocks.isArray()) {
      return invalid("blocks must be an array");
    }
    if (hasBlocks && blocks.size() > 50) {
      return invalid("must be 50 or fewer blocks, got " + blocks.size());
    }
    for (int i = 0; hasBlocks && i < blocks.size(); i++) {
      Optional<String> problem = block("blocks[" + i + "]", blocks.get(i));
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> block(String at, JsonNode block) {
    String type = block.path("type").asText("");
    switch (type) {
      case "header" -> {
        if (!"plain_text".equals(block.path("text").path("type").asText())) {
          return invalid(at + ".text must be plain_text");
        }
        return text(at + ".text", block.path("text"), 150);
      }
      case "section" -> {
        JsonNode fields = block.get("fields");
        if (block.get("text") == null && (fields == null || fields.isEmpty())) {
          return invalid(at + " needs text or fields");
        }
        if (block.get("text") != null) {
          Optional<String> problem = text(at + ".text", block.get("text"), 3000);
          if (problem.isPresent()) {
            return problem;
          }
        }
        return elements(at + ".fields", fields, 10, 2000);
      }
      case "context" -> {
        JsonNode elements = block.get("elements");
        if (elements == null || elements.isEmpty()) {
          return invalid(at + ".elements must not be empty");
        }
        return elements(at + ".elements", elements, 10, 3000);
      }
      case "" -> {
        return invalid(at + " has no type");
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static Optional<String> elements(String at, JsonNode elements, int maxCount, int maxText) {
    if (elements == null) {
      return Optional.empty();
    }
    if (elements.size() > maxCount) {
      return invalid(at + " must be " + maxCount + " or fewer, got " + elements.size());
    }
    for (int i = 0; i < elements.size(); i++) {
      JsonNode element = elements.get(i);
      if (element.has("text")) {
        Optional<String> problem = text(at + "[" + i + "]", element, maxText);
        if (problem.isPresent()) {
          return problem;
        }
      }
    }
    return Optional.empty();
  }

  /** A text object: a non-empty string of at most {@code max} characters. */
  private static Optional<String> text(String at, JsonNode textObject, int max) {
    int length = PayloadRules.length(textObject.get("text"));
    if (length <= 0) {
      return invalid(at + ".text must be a non-empty string");
    }
    return length > max
        ? invalid(at + ".text must be " + max + " or fewer characters, got " + length)
        : Optional.empty();
  }

  private static Optional<String> invalid(String reason) {
    return Optional.of("invalid_blocks: " + reason);
  }
}
