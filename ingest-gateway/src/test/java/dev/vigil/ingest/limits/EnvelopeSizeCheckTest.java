package dev.vigil.ingest.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ingest.errors.IngestError;
import dev.vigil.sentry.envelope.Envelope;
import dev.vigil.sentry.envelope.EnvelopeParser;
import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EnvelopeSizeCheckTest {

  private final EnvelopeSizeCheck check = new EnvelopeSizeCheck();

  {
    check.limits = new SmallLimits();
  }

  @Test
  void acceptsItemsWithinTheirLimits() {
    assertThatCode(() -> check.check(envelope("event", 100, "attachment", 1000, "client_report", 40, "whatever", 5000)))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesAnItemOverItsTypesLimit() {
    assertTooLarge(envelope("transaction", 101), "max-event-size");
    assertTooLarge(envelope("attachment", 1001), "max-attachment-size");
    assertTooLarge(envelope("client_report", 41), "max-client-report-size");
    assertTooLarge(envelope("check_in", 51), "max-check-in-size");
    assertTooLarge(envelope("sessions", 61), "max-session-size");
  }

  @Test
  void refusesTooManyAttachmentBytesOrSessionsInTotal() {
    assertTooLarge(envelope("attachment", 1000, "attachment", 1000), "max-attachments-size");
    assertTooLarge(envelope("session", 10, "session", 10, "sessions", 10), "max-session-count");
  }

  private void assertTooLarge(Envelope envelope, String limit) {
    assertThatThrownBy(() -> check.check(envelope))
        .isInstanceOfSatisfying(IngestError.class, e -> {
          assertThat(e.status()).isEqualTo(413);
          assertThat(e.detail()).contains(limit);
        });
  }

  /** An envelope with items of the given types and payload sizes ("type", size, "type", size, ...). */
  private static Envelope envelope(Object... typesAndSizes) {
    StringBuilder text = new StringBuilder("{}\n");
    for (int i = 0; i < typesAndSizes.length; i += 2) {
      int size = (Integer) typesAndSizes[i + 1];
      text.append("{\"type\":\"").append(typesAndSizes[i]).append("\",\"length\":").append(size).append("}\n")
          .append("x".repeat(size)).append('\n');
    }
    try {
      return EnvelopeParser.parse(text.toString().getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class SmallLimits implements IngestLimits {
    private static MemorySize bytes(long n) {
      return new MemorySize(BigInteger.valueOf(n));
    }

    public MemorySize maxEnvelopeSize() { return bytes(100_000); }
    public MemorySize maxEventSize() { return bytes(100); }
    public MemorySize maxAttachmentSize() { return bytes(1000); }
    public MemorySize maxAttachmentsSize() { return bytes(1500); }
    public int maxSessionCount() { return 2; }
    public MemorySize maxSessionSize() { return bytes(60); }
    public MemorySize maxClientReportSize() { return bytes(40); }
    public MemorySize maxCheckInSize() { return bytes(50); }
    public OptionalInt defaultRateLimitPerMinute() { return OptionalInt.empty(); }
  }
}
