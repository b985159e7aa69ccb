package dev.vigil.ingest.envelope;

import dev.vigil.edge.encoding.ContentDecoding;
import dev.vigil.ingest.auth.Authenticator;
import dev.vigil.ingest.auth.SentryAuth;
import dev.vigil.ingest.errors.IngestError;
import dev.vigil.ingest.kafka.EnvelopeProducer;
import dev.vigil.ingest.kafka.IngestMetadata;
import dev.vigil.ingest.limits.EnvelopeSizeCheck;
import dev.vigil.ingest.limits.IngestLimits;
import dev.vigil.ingest.limits.RateLimits;
import dev.vigil.sentry.envelope.Envelope;
import dev.vigil.sentry.envelope.EnvelopeItem;
import dev.vigil.sentry.envelope.EnvelopeParser;
import dev.vigil.sentry.envelope.EnvelopeWriter;
import dev.vigil.sentry.envelope.EventIds;
import dev.vigil.sentry.envelope.InvalidEnvelopeException;
import dev.vigil.state.projects.DsnKey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.Set;

/**
 * The gateway's one job, in Relay's order: authenticate, decode within limits, validate, apply the
 * key's rate limit, and hand the envelope to Kafka, answering only once Kafka holds it. The checks
 * run on a worker thread (key lookups may wait for PostgreSQL); the wait for Kafka holds no thread.
 */
@ApplicationScoped
public class EnvelopeIngestion {

  /** Items whose payload must be a JSON event (validated, 400 otherwise). */
  private static final Set<String> JSON_EVENTS = Set.of("event", "transaction", "feedback");

  /** Items that belong to an event and need the envelope's event_id (Relay's Item::requires_event). */
  private static final Set<String> REQUIRES_EVENT_ID =
      Set.of("event", "transaction", "feedback", "attachment", "user_report", "security", "raw_security", "form_data");

  @Inject Authenticator authenticator;
  @Inject IngestLimits limits;
  @Inject EnvelopeSizeCheck sizes;
  @Inject RateLimits rateLimits;
  @Inject EnvelopeProducer producer;
  @Inject ItemCounter items;

  /** Accepts an envelope; completes with the event id it was filed under once Kafka holds it. */
  Uni<String> envelope(IngestRequest request) {
    long projectId = projectId(request.projectId());
    DsnKey key = request.auth() == null ? null : authenticator.authenticate(projectId, request.auth());
    byte[] bytes =
        ContentDecoding.decode(
            request.body(), request.contentEncoding(), limits.maxEnvelopeSize().asLongValue(), "envelope");
    Envelope envelope;
    try {
      envelope = EnvelopeParser.parse(bytes);
    } catch (InvalidEnvelopeException e) {
      throw IngestError.badRequest("invalid event envelope: " + e.getMessage());
    }
    SentryAuth auth = request.auth();
    if (key == null) {
      if (envelope.header().dsn() == null) {
        throw IngestError.unauthorized("missing authorization information");
      }
      auth = SentryAuth.fromDsn(envelope.header().dsn());
      key = authenticator.authenticate(projectId, auth);
    }
    sizes.check(envelope);

    String payloadEventId = null;
    boolean needsEventId = false;
    for (EnvelopeItem item : envelope.items()) {
      if (JSON_EVENTS.contains(item.type())) {
        String id = EventPayloads.validate(item.payloadStream(), item.type() + " item");
        payloadEventId = payloadEventId == null ? id : payloadEventId;
      }
      needsEventId |= REQUIRES_EVENT_ID.contains(item.type());
    }
    String eventId = envelope.header().eventId();
    if (eventId == null) {
      eventId = payloadEventId != null ? payloadEventId : EventIds.generate();
      if (needsEventId) {
        bytes = EnvelopeWriter.withEventId(envelope, eventId);
      }
    }

    rateLimits.acquire(key);
    String client = auth.client() != null ? auth.client() : envelope.header().client();
    String filedUnder = eventId;
    return producer
        .send(eventId, bytes, metadata(request, projectId, key, client))
        .invoke(() -> items.count(envelope))
        .replaceWith(filedUnder);
  }

  /** Accepts a store-endpoint JSON event, forwarded wrapped in an envelope. */
  Uni<String> storeEvent(IngestRequest request) {
    long projectId = projectId(request.projectId());
    if (request.auth() == null) {
      throw IngestError.unauthorized("missing authorization information");
    }
    DsnKey key = authenticator.authenticate(projectId, request.auth());
    byte[] event =
        ContentDecoding.decode(request.body(), request.contentEncoding(), limits.maxEventSize().asLongValue(), "event");
    if (event.length == 0) {
      throw IngestError.badRequest("empty request body");
    }
    String eventId = EventPayloads.validate(new ByteArrayInputStream(event), "event");
    if (eventId == null) {
      eventId = EventIds.generate();
    }
    rateLimits.acquire(key);
    String filedUnder = eventId;
    return producer
        .send(eventId, EnvelopeWriter.fromEvent(eventId, event), metadata(request, projectId, key, request.auth().client()))
        .invoke(() -> items.count("event"))
        .replaceWith(filedUnder);
  }

  private static IngestMetadata metadata(IngestRequest request, long projectId, DsnKey key, String client) {
    return new IngestMetadata(
        projectId,
        key.publicKey(),
        request.receivedAtMillis(),
        request.clientAddress(),
        client != null ? client : request.userAgent());
  }

  private static long projectId(String text) {
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw IngestError.badRequest("bad project path parameter");
  }
}
