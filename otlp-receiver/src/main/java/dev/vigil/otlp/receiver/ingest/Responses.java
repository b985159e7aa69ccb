package dev.vigil.otlp.receiver.ingest;

import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;

/** The Export*ServiceResponse of an accepted export; partial_success set only when something was rejected. */
public final class Responses {

  private Responses() {}

  public static ExportTraceServiceResponse traces(Outcome outcome) {
    ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
    if (partial(outcome)) {
      response.setPartialSuccess(
          ExportTracePartialSuccess.newBuilder().setRejectedSpans(outcome.rejected()).setErrorMessage(outcome.errorMessage()));
    }
    return response.build();
  }

  public static ExportMetricsServiceResponse metrics(Outcome outcome) {
    ExportMetricsServiceResponse.Builder response = ExportMetricsServiceResponse.newBuilder();
    if (partial(outcome)) {
      response.setPartialSuccess(
          ExportMetricsPartialSuccess.newBuilder()
              .setRejectedDataPoints(outcome.rejected())
              .setErrorMessage(outcome.errorMessage()));
    }
    return response.build();
  }

  public static ExportLogsServiceResponse logs(Outcome outcome) {
    ExportLogsServiceResponse.Builder response = ExportLogsServiceResponse.newBuilder();
    if (partial(outcome)) {
      response.setPartialSuccess(
          ExportLogsPartialSuccess.newBuilder().setRejectedLogRecords(outcome.rejected()).setErrorMessage(outcome.errorMessage()));
    }
    return response.build();
  }

  /** The response for any signal. */
  public static Message of(Signal signal, Outcome outcome) {
    return switch (signal) {
      case TRACES -> traces(outcome);
      case METRICS -> metrics(outcome);
      case LOGS -> logs(outcome);
    };
  }

  private static boolean partial(Outcome outcome) {
    return outcome.rejected() > 0 || !outcome.errorMessage().isEmpty();
  }
}
