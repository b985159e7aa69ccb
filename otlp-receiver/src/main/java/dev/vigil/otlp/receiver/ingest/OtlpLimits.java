package dev.vigil.otlp.receiver.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.OptionalInt;

/** Size and rate limits of the receiver (see the module README). */
@ConfigMapping(prefix = "vigil.otlp.limits")
public interface OtlpLimits {

  /**
   * Largest export message in bytes after decompression (OTLP recommends accepting 64 MiB); larger
   * is refused with 413 / RESOURCE_EXHAUSTED. Also the gRPC server's max inbound message size.
   */
  @WithDefault("67108864")
  int maxMessageBytes();

  /** Log and metric records are cut before they pass this size, so consumers read bounded records. */
  @WithDefault("1048576")
  int recordTargetBytes();

  /** Export requests per minute per key when the key sets no limit of its own; unset means unlimited. */
  OptionalInt defaultRateLimitPerMinute();
}
