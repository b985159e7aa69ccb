package dev.vigil.sentry.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeParserTest {

  @Test
  void parsesSentryPythonEnvelopeWithLengths() throws Exception {
    Envelope envelope = EnvelopeParser.parse(fixture("sentry-python-2.19.0-event-client-report.envelope"));

    assertThat(envelope.header().eventId()).isEqualTo("9ec79c33ec9942ab8353589fcb2e04dc");
    assertThat(envelope.header().sentAt()).isEqualTo("2024-11-20T10:15:30.210000Z");
    assertThat(envelope.items()).extracting(EnvelopeItem::type).containsExactly("event", "client_report");
    assertThat(text(envelope.items().get(0))).startsWith("{\"level\": \"error\"").endsWith("}");
    assertThat(text(envelope.items().get(1))).contains("discarded_events");
  }

  @Test
  void parsesSentryNodeEnvelopeWithoutLengthOrTrailingNewline() throws Exception {
    Envelope envelope = EnvelopeParser.parse(fixture("sentry-node-8.42.0-event.envelope"));

    assertThat(envelope.header().client()).isEqualTo("sentry.javascript.node/8.42.0");
    assertThat(envelope.items()).singleElement().satisfies(item -> {
      assertThat(item.type()).isEqualTo("event");
      assertThat(text(item)).startsWith("{\"exception\"").endsWith("}]}}");
    });
  }

  @Test
  void keepsNewlinesInsideAPayloadWithLength() throws Exception {
    Envelope envelope = EnvelopeParser.parse(fixture("sentry-java-8.20.0-event-attachment.envelope"));

    EnvelopeItem attachment = envelope.items().get(1);
    assertThat(attachment.type()).isEqualTo("attachment");
    assertThat(attachment.header("filename")).isEqualTo("app.log");
    assertThat(text(attachment)).hasLineCount(2).endsWith("has no lines\n");
  }

  @Test
  void toleratesBlankLinesBetweenItemsAndAtTheEnd() throws Exception {
    Envelope envelope = parse("{}\n{\"type\":\"session\"}\n{\"sid\":\"a\"}\n\n\n{\"type\":\"event\",\"length\":2}\n{}\n\n");

    assertThat(envelope.header().eventId()).isNull();
    assertThat(envelope.items()).extracting(EnvelopeItem::type).containsExactly("session", "event");
  }

  @Test
  void acceptsAHeaderOnlyEnvelope() throws Exception {
    assertThat(parse("{\"event_id\":\"9EC79C33-EC99-42AB-8353-589FCB2E04DC\"}").items()).isEmpty();
    assertThat(parse("{\"event_id\":\"9EC79C33-EC99-42AB-8353-589FCB2E04DC\"}").header().eventId())
        .isEqualTo("9ec79c33ec9942ab8353589fcb2e04dc");
  }

  @Test
  void readsAnEmptyPayloadWithZeroLength() throws Exception {
    Envelope envelope = parse("{}\n{\"type\":\"attachment\",\"length\":0}\n\n{\"type\":\"event\"}\n{}");

    assertThat(envelope.items()).extracting(EnvelopeItem::length).containsExactly(0, 2);
  }

  @Test
  void keepsUnknownItemTypes() throws Exception {
    assertThat(parse("{}\n{\"type\":\"something_new\",\"length\":3}\nabc\n").items())
        .extracting(EnvelopeItem::type)
        .containsExactly("something_new");
  }

  @Test
  void rejectsWhatIsNotAnEnvelope() {
    assertInvalid("", "empty envelope");
    assertInvalid("garbage\n", "envelope header is not valid JSON");
    assertInvalid("[1]\n", "envelope header is not a JSON object");
    assertInvalid("{\"event_id\":\"nope\"}\n", "invalid event id");
    assertInvalid("{}\n{\"length\":2}\n{}\n", "without a type");
    assertInvalid("{}\n{\"type\":\"event\",\"length\":10}\n{}\n", "envelope ends first");
    assertInvalid("{}\n{\"type\":\"event\",\"length\":1}\n{}\n", "missing newline");
    assertInvalid("{}\n{\"type\":\"event\",\"length\":-1}\n{}\n", "invalid item length");
    assertInvalid("{} {}\n", "not valid JSON");
  }

  private static void assertInvalid(String body, String message) {
    assertThatThrownBy(() -> parse(body)).isInstanceOf(InvalidEnvelopeException.class).hasMessageContaining(message);
  }

  static Envelope parse(String text) throws InvalidEnvelopeException {
    return EnvelopeParser.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  static String text(EnvelopeItem item) {
    return new String(item.payload(), StandardCharsets.UTF_8);
  }

  static byte[] fixture(String name) {
    try (InputStream in = EnvelopeParserTest.class.getResourceAsStream("/envelope/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
