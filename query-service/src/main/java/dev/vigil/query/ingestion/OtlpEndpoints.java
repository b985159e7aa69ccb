package dev.vigil.query.ingestion;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Where OpenTelemetry SDKs reach the otlp-receiver from outside, as the setup instructions show it. */
@ConfigMapping(prefix = "vigil.otlp")
public interface OtlpEndpoints {

  /** The OTLP/gRPC endpoint (OTEL_EXPORTER_OTLP_ENDPOINT with protocol grpc). */
  @WithDefault("http://localhost:4317")
  String publicGrpcUrl();

  /** The OTLP/HTTP base URL; SDKs append /v1/traces, /v1/logs and /v1/metrics. */
  @WithDefault("http://localhost:4318")
  String publicHttpUrl();

  /**
   * The header SDKs send the project key in: the otlp-receiver's own setting, read here so that the
   * instructions match it ("authorization" carries "Bearer <key>", any other header the key alone).
   */
  @WithName("auth.header")
  @WithDefault("authorization")
  String authHeader();
}
