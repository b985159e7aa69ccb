package dev.vigil.ingest.envelope;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the gateway sees its clients. */
@ConfigMapping(prefix = "vigil.ingest.http")
public interface IngestHttpConfig {

  /**
   * Take the client address from the first X-Forwarded-For hop. Enable only behind a proxy that sets
   * the header, since clients can forge it.
   */
  @WithDefault("false")
  boolean trustForwardedFor();
}
