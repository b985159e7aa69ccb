package dev.vigil.processor.pipeline;

import dev.vigil.contracts.IngestHeaders;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/** Sends records that cannot be processed to a dead-letter topic, unchanged, with the reason and origin. */
public final class DeadLetters {

  /** A record and why it cannot be processed. */
  public record DeadLetter(IngestRecord record, String reason) {}

  private static final Logger LOG = Logger.getLogger(DeadLetters.class);

  private final MutinyEmitter<byte[]> emitter;

  /** @param emitter the dead-letter channel (one per source topic family) */
  public DeadLetters(MutinyEmitter<byte[]> emitter) {
    this.emitter = emitter;
  }

  /** Sends all and waits until Kafka acknowledged every one; throws if any send failed. */
  public void send(List<DeadLetter> letters) {
    if (letters.isEmpty()) {
      return;
    }
    List<Uni<Void>> sends = letters.stream().map(this::send).toList();
    Uni.join().all(sends).andFailFast().await().atMost(Duration.ofSeconds(60));
  }

  private Uni<Void> send(DeadLetter letter) {
    IngestRecord r = letter.record();
    LOG.warnf("dead-lettering %s: %s", r.origin(), letter.reason());
    RecordHeaders headers = new RecordHeaders();
    r.headers().forEach(headers::add);
    headers.remove(IngestHeaders.DLQ_REASON);
    headers.remove(IngestHeaders.DLQ_ORIGIN);
    headers.add(IngestHeaders.DLQ_REASON, letter.reason().getBytes(StandardCharsets.UTF_8));
    headers.add(IngestHeaders.DLQ_ORIGIN, r.origin().getBytes(StandardCharsets.UTF_8));
    OutgoingKafkaRecordMetadata<String> metadata =
        OutgoingKafkaRecordMetadata.<String>builder().withKey(r.key()).withHeaders(headers).build();
    return emitter.sendMessage(Message.of(r.value() == null ? new byte[0] : r.value()).addMetadata(metadata));
  }
}
