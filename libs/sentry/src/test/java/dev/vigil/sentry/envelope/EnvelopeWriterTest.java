package dev.vigil.sentry.envelope;

import static dev.vigil.sentry.envelope.EnvelopeParserTest.fixture;
import static dev.vigil.sentry.envelope.EnvelopeParserTest.parse;
import static dev.vigil.sentry.envelope.EnvelopeParserTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EnvelopeWriterTest {

  @Test
  void wrapsAStoreEventInAnEnvelopeWithTheEventBytesUnchanged() throws Exception {
    byte[] event = "{\"message\":\"line one\\nline two\",\"level\":\"info\"}\n".getBytes(StandardCharsets.UTF_8);

    Envelope envelope = EnvelopeParser.parse(EnvelopeWriter.fromEvent("0123456789abcdef0123456789abcdef", event));

    assertThat(envelope.header().eventId()).isEqualTo("0123456789abcdef0123456789abcdef");
    assertThat(envelope.items()).singleElement().satisfies(item -> {
      assertThat(item.type()).isEqualTo("event");
      assertThat(item.payload()).isEqualTo(event);
    });
  }

  @Test
  void setsTheEventIdAndKeepsEveryItemByteForByte() throws Exception {
    byte[] original = fixture("sentry-java-8.20.0-event-attachment.envelope");
    String text = new String(original, StandardCharsets.UTF_8);
    Envelope withoutId = parse(text.replace("\"event_id\":\"c3a9d8e7f6b54a3c9d2e1f0a9b8c7d6e\",", ""));
    assertThat(withoutId.header().eventId()).isNull();

    byte[] rewritten = EnvelopeWriter.withEventId(withoutId, "ffffffffffffffffffffffffffffffff");

    Envelope envelope = EnvelopeParser.parse(rewritten);
    assertThat(envelope.header().eventId()).isEqualTo("ffffffffffffffffffffffffffffffff");
    assertThat(envelope.header().client()).isEqualTo("sentry.java/8.20.0");
    int originalBody = indexAfterFirstLine(original);
    int rewrittenBody = indexAfterFirstLine(rewritten);
    assertThat(Arrays.copyOfRange(rewritten, rewrittenBody, rewritten.length))
        .isEqualTo(Arrays.copyOfRange(original, originalBody, original.length));
    assertThat(text(envelope.items().get(1))).endsWith("has no lines\n");
  }

  @Test
  void setsTheEventIdOnAHeaderOnlyEnvelopeWithoutNewline() throws Exception {
    Envelope envelope = EnvelopeParser.parse(EnvelopeWriter.withEventId(parse("{}"), "0123456789abcdef0123456789abcdef"));

    assertThat(envelope.header().eventId()).isEqualTo("0123456789abcdef0123456789abcdef");
    assertThat(envelope.items()).isEmpty();
  }

  private static int indexAfterFirstLine(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i + 1;
      }
    }
    return bytes.length;
  }
}
