package dev.vigil.ingest.limits;

import dev.vigil.ingest.errors.IngestError;
import dev.vigil.sentry.envelope.Envelope;
import dev.vigil.sentry.envelope.EnvelopeItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Per-item size limits. Like Relay's check_envelope_size_limits, one item over its limit refuses the
 * whole envelope with 413, so the SDK records the loss instead of believing the event arrived.
 */
@ApplicationScoped
public class EnvelopeSizeCheck {

  /** Items that become one event each; Relay bounds them all by max_event_size. */
  static final Set<String> EVENT_SIZED =
      Set.of("event", "transaction", "feedback", "security", "raw_security", "user_report", "nel");

  @Inject IngestLimits limits;

  /** Throws a 413 {@link IngestError} naming the first limit the envelope exceeds. */
  public void check(Envelope envelope) {
    long attachments = 0;
    int sessions = 0;
    for (EnvelopeItem item : envelope.items()) {
      String type = item.type();
      if (EVENT_SIZED.contains(type)) {
        within(item, limits.maxEventSize().asLongValue(), "max-event-size");
      } else if (type.equals("attachment")) {
        within(item, limits.maxAttachmentSize().asLongValue(), "max-attachment-size");
        attachments += item.length();
      } else if (type.equals("session") || type.equals("sessions")) {
        within(item, limits.maxSessionSize().asLongValue(), "max-session-size");
        sessions++;
      } else if (type.equals("client_report")) {
        within(item, limits.maxClientReportSize().asLongValue(), "max-client-report-size");
      } else if (type.equals("check_in")) {
        within(item, limits.maxCheckInSize().asLongValue(), "max-check-in-size");
      }
    }
    if (attachments > limits.maxAttachmentsSize().asLongValue()) {
      throw IngestError.tooLarge(
          "envelope exceeded size limits: attachments total " + attachments + " bytes (max-attachments-size "
              + limits.maxAttachmentsSize().asLongValue() + ")");
    }
    if (sessions > limits.maxSessionCount()) {
      throw IngestError.tooLarge(
          "envelope exceeded size limits: " + sessions + " session items (max-session-count " + limits.maxSessionCount() + ")");
    }
  }

  private static void within(EnvelopeItem item, long max, String limitName) {
    if (item.length() > max) {
      throw IngestError.tooLarge(
          "envelope exceeded size limits: " + item.type() + " item of " + item.length() + " bytes (" + limitName + " " + max + ")");
    }
  }
}
