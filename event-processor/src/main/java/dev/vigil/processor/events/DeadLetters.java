package dev.vigil.processor.events;

import dev.vigil.contracts.IngestHeaders;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/** Sends records that cannot be processed to {@code vigil.ingest.events.dlq}, unchanged, with the reason. */
@Singleton
final class DeadLetters {

  static final String CHANNEL = "ingest-events-dlq";
  private static final Logger LOG = Logger.getLogger(DeadLetters.class);

  private final MutinyEmitter<byte[]> emitter;

  DeadLetters(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter) {
    this.emitter = emitter;
  }

  /** Sends all and waits until Kafka acknowledged every one; throws if any send failed. */
  void send(List<RecordOutcome> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    List<Uni<Void>> sends = outcomes.stream().map(this::send).toList();
    Uni.join().all(sends).andFailFast().await().atMost(Duration.ofSeconds(60));
  }

  private Uni<Void> send(RecordOutcome outcome) {
    IngestRecord r = outcome.record();
    LOG.warnf("dead-lettering %s: %s", r.origin(), outcome.deadLetterReason());
    RecordHeaders headers = new RecordHeaders();
    r.headers().forEach(headers::add);
    headers.remove(IngestHeaders.DLQ_REASON);
    headers.remove(IngestHeaders.DLQ_ORIGIN);
    headers.add(IngestHeaders.DLQ_REASON, outcome.deadLetterReason().getBytes(StandardCharsets.UTF_8));
    headers.add(IngestHeaders.DLQ_ORIGIN, r.origin().getBytes(StandardCharsets.UTF_8));
    OutgoingKafkaRecordMetadata<String> metadata =
        OutgoingKafkaRecordMetadata.<String>builder().withKey(r.key()).withHeaders(headers).build();
    return emitter.sendMessage(Message.of(r.value() == null ? new byte[0] : r.value()).addMetadata(metadata));
  }
}
