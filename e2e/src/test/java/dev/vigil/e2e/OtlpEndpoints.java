package dev.vigil.e2e;

/**
 * Where the suite's otlp-receiver listens: {@code httpUrl} serves OTLP/HTTP ({@code /v1/traces} …), {@code grpcUrl}
 * the OTLP/gRPC services. Exporters authenticate with {@code Authorization: Bearer <DSN public key>}.
 */
record OtlpEndpoints(String httpUrl, String grpcUrl) {

  static String authorization(TestProject project) {
    return "Bearer " + project.publicKey();
  }
}
