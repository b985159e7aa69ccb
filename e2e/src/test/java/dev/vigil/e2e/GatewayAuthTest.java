package dev.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The running gateway refuses an envelope signed with a key that is not the project's, and stores nothing of it. */
@ExtendWith(StackServices.class)
class GatewayAuthTest {

  @Test
  void envelopeWithAWrongKeyIsRefusedWith401AndNeverStored(VigilApi api) {
    TestProject project = api.createProject("python");
    String wrongKey = UUID.randomUUID().toString().replace("-", "");

    HttpResponse<String> refused = api.postEnvelope(project.id(), wrongKey, envelope("user 1 not found"));

    assertThat(refused.statusCode()).as("answer to a wrong key: %s", refused.body()).isEqualTo(401);
    assertThat(VigilApi.parse(refused.body()).path("detail").asText()).isNotBlank();

    // The same envelope with the project's key is accepted; once it is queryable, the refused one would be too.
    HttpResponse<String> accepted =
        api.postEnvelope(project.id(), project.publicKey(), envelope("order 2 could not be shipped"));
    assertThat(accepted.statusCode()).as("answer to the right key: %s", accepted.body()).isEqualTo(200);
    List<JsonNode> issues = Issues.awaitEvents(api, project.id(), 1);
    assertThat(issues).extracting(issue -> issue.path("title").asText()).containsExactly("order 2 could not be shipped");
    assertThat(Issues.totalCount(issues)).isEqualTo(1);
  }

  /** An envelope around a real sentry-python event, with a fresh event id and the given message. */
  private static byte[] envelope(String message) {
    JsonNode fixture = fixture("/sentry-python/message-event.json");
    String eventId = UUID.randomUUID().toString().replace("-", "");
    ((ObjectNode) fixture).put("event_id", eventId).put("message", message);
    byte[] payload = fixture.toString().getBytes(StandardCharsets.UTF_8);
    String headers =
        "{\"event_id\":\"" + eventId + "\",\"sent_at\":\"2026-11-22T02:09:24.871411Z\"}\n"
            + "{\"type\":\"event\",\"content_type\":\"application/json\",\"length\":" + payload.length + "}\n";
    byte[] head = headers.getBytes(StandardCharsets.UTF_8);
    byte[] envelope = new byte[head.length + payload.length + 1];
    System.arraycopy(head, 0, envelope, 0, head.length);
    System.arraycopy(payload, 0, envelope, head.length, payload.length);
    envelope[envelope.length - 1] = '\n';
    return envelope;
  }

  private static JsonNode fixture(String resource) {
    try (InputStream in = GatewayAuthTest.class.getResourceAsStream(resource)) {
      return VigilApi.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
