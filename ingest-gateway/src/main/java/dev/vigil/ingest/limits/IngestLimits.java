package dev.vigil.ingest.limits;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.OptionalInt;

/**
 * Size and rate limits, modelled on Relay's defaults (see the module README for the reasoning behind
 * each). Sizes are checked after decompression. The compressed request body is limited separately by
 * {@code quarkus.http.limits.max-body-size}.
 */
@ConfigMapping(prefix = "vigil.ingest.limits")
public interface IngestLimits {

  /** Largest envelope (or store body), decompressed. Also bounds the Kafka record size. */
  @WithDefault("20M")
  MemorySize maxEnvelopeSize();

  /** Largest event, transaction, feedback or security item (Relay: max_event_size 1 MiB). */
  @WithDefault("1M")
  MemorySize maxEventSize();

  /** Largest single attachment item. */
  @WithDefault("20M")
  MemorySize maxAttachmentSize();

  /** Largest sum of attachment items in one envelope. */
  @WithDefault("20M")
  MemorySize maxAttachmentsSize();

  /** Most session updates (session items plus aggregates in sessions items) per envelope (Relay: 100). */
  @WithDefault("100")
  int maxSessionCount();

  /** Largest session or sessions item. */
  @WithDefault("100K")
  MemorySize maxSessionSize();

  /** Largest client_report item (Relay: max_client_reports_size 4 KiB). */
  @WithDefault("4K")
  MemorySize maxClientReportSize();

  /** Largest check_in item (Relay: max_check_in_size 100 KiB). */
  @WithDefault("100K")
  MemorySize maxCheckInSize();

  /** Envelopes per minute per DSN key when the key sets no limit of its own; unset means unlimited. */
  OptionalInt defaultRateLimitPerMinute();
}
