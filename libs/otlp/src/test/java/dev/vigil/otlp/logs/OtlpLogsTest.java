package dev.vigil.otlp.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.domain.telemetry.LogRecord;
import dev.vigil.domain.telemetry.Span;
import dev.vigil.otlp.fixtures.Fixtures;
import dev.vigil.otlp.traces.OtlpSpans;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OtlpLogsTest {

  private static final Instant RECEIVED = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void mapsTheJavaSdkLogsAndTiesThemToTheirSpans() {
    List<LogRecord> logs = OtlpLogs.toLogs(7, Fixtures.logs(), 99L, RECEIVED);
    List<Span> spans = OtlpSpans.toSpans(7, Fixtures.traces());
    Span server = spans.stream().filter(s -> s.name().equals("POST /checkout")).findFirst().orElseThrow();
    Span client = spans.stream().filter(s -> s.name().equals("SELECT orders")).findFirst().orElseThrow();

    assertThat(logs).hasSize(3).allSatisfy(log -> {
      assertThat(log.serviceName()).isEqualTo("checkout");
      assertThat(log.scopeName()).isEqualTo("dev.vigil.fixtures.logs");
      // The SDK sets only the observed time; it stands in for the missing event time.
      assertThat(log.timestamp()).isEqualTo(log.observedTimestamp()).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
    });
    LogRecord info = logs.get(0);
    assertThat(info.body()).isEqualTo("checkout started for cart 42");
    assertThat(info.severityText()).isEqualTo("INFO");
    assertThat(info.severityNumber()).isEqualTo(9);
    assertThat(info.attributes()).containsEntry("cart.id", "42");
    assertThat(info.traceId()).isEqualTo(server.traceId());
    assertThat(info.spanId()).isEqualTo(server.spanId());
    assertThat(info.traceFlags()).isEqualTo(1);

    LogRecord error = logs.get(1);
    assertThat(error.severityNumber()).isEqualTo(17);
    assertThat(error.eventName()).isEqualTo("checkout.failed");
    assertThat(error.body()).contains("\"reason\":\"no price\"").contains("\"sku\":7").startsWith("{");
    assertThat(error.spanId()).isEqualTo(client.spanId());

    LogRecord outside = logs.get(2);
    assertThat(outside.traceId()).isEmpty();
    assertThat(outside.spanId()).isEmpty();
    assertThat(outside.traceFlags()).isZero();
  }

  @Test
  void idsAreStableForASeedAndDistinctWithinARequest() {
    List<LogRecord> first = OtlpLogs.toLogs(7, Fixtures.logs(), LogIds.seed(3, 1234), RECEIVED);
    List<LogRecord> replay = OtlpLogs.toLogs(7, Fixtures.logs(), LogIds.seed(3, 1234), RECEIVED);
    List<LogRecord> next = OtlpLogs.toLogs(7, Fixtures.logs(), LogIds.seed(3, 1235), RECEIVED);

    assertThat(replay).isEqualTo(first);
    assertThat(first).extracting(LogRecord::id).doesNotHaveDuplicates();
    assertThat(next).extracting(LogRecord::id).doesNotContainAnyElementsOf(first.stream().map(LogRecord::id).toList());
  }

  @Test
  void idsOfManyRecordsAndOffsetsDoNotCollide() {
    Set<Long> ids = new HashSet<>();
    for (int partition = 0; partition < 4; partition++) {
      for (long offset = 0; offset < 2_000; offset++) {
        long seed = LogIds.seed(partition, offset);
        for (int i = 0; i < 50; i++) {
          ids.add(LogIds.id(seed, i));
        }
      }
    }
    assertThat(ids).hasSize(4 * 2_000 * 50);
  }

  @Test
  void fallsBackToTheReceiveTimeWhenTheRecordHasNoTimeAtAll() {
    ExportLogsServiceRequest request =
        ExportLogsServiceRequest.newBuilder()
            .addResourceLogs(
                ResourceLogs.newBuilder()
                    .addScopeLogs(
                        ScopeLogs.newBuilder()
                            .addLogRecords(io.opentelemetry.proto.logs.v1.LogRecord.newBuilder().setSeverityNumberValue(5))
                            .addLogRecords(
                                io.opentelemetry.proto.logs.v1.LogRecord.newBuilder().setTimeUnixNano(1_500_000_000L))))
            .build();

    List<LogRecord> logs = OtlpLogs.toLogs(1, request, 0, RECEIVED);

    assertThat(logs.get(0).timestamp()).isEqualTo(RECEIVED);
    assertThat(logs.get(0).observedTimestamp()).isEqualTo(RECEIVED);
    assertThat(logs.get(0).serviceName()).isEqualTo("unknown_service");
    assertThat(logs.get(0).body()).isEmpty();
    assertThat(logs.get(1).timestamp()).isEqualTo(Instant.ofEpochSecond(1, 500_000_000));
    assertThat(logs.get(1).observedTimestamp()).isEqualTo(logs.get(1).timestamp());
  }
}
