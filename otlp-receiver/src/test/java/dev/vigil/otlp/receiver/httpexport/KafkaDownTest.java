package dev.vigil.otlp.receiver.httpexport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.google.rpc.RetryInfo;
import dev.vigil.otlp.receiver.TestProjects;
import dev.vigil.otlp.receiver.TestProjects.TestProject;
import dev.vigil.otlp.receiver.TestStack;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(KafkaDownTest.KafkaUnreachable.class)
class KafkaDownTest {

  private static final ExportLogsServiceRequest ONE_LOG =
      ExportLogsServiceRequest.newBuilder()
          .addResourceLogs(ResourceLogs.newBuilder().addScopeLogs(ScopeLogs.newBuilder().addLogRecords(LogRecord.getDefaultInstance())))
          .build();

  @Inject TestProjects projects;

  @Test
  void answersHttp503WithRetryAfterNeverOk() {
    TestProject project = projects.create();
    long start = System.nanoTime();

    given().header("Authorization", project.bearer()).contentType("application/x-protobuf").body(ONE_LOG.toByteArray())
        .post("/v1/logs")
        .then()
        .statusCode(503)
        .header("Retry-After", equalTo("15"));

    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    given().header("Authorization", project.bearer()).contentType("application/json").body("{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{}]}]}]}")
        .post("/v1/logs")
        .then().statusCode(503).body("code", equalTo(14)).body("message", containsString("unavailable"));
  }

  @Test
  void answersGrpcUnavailableWithRetryInfo() throws InterruptedException {
    TestProject project = projects.create();
    ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", TestStack.grpcPort()).usePlaintext().build();
    try {
      Metadata metadata = new Metadata();
      metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), project.bearer());
      LogsServiceGrpc.LogsServiceBlockingStub stub =
          LogsServiceGrpc.newBlockingStub(channel)
              .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
              .withDeadlineAfter(20, TimeUnit.SECONDS);
      StatusRuntimeException error = null;
      try {
        stub.export(ONE_LOG);
      } catch (StatusRuntimeException e) {
        error = e;
      }
      assertThat(error).isNotNull();
      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(StatusProto.fromThrowable(error).getDetailsList()).anySatisfy(d -> assertThat(d.is(RetryInfo.class)).isTrue());
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** Kafka on a port nothing listens on, with short timeouts. */
  public static final class KafkaUnreachable implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "kafka.bootstrap.servers", "localhost:1",
          "kafka.max.block.ms", "1500",
          "kafka.request.timeout.ms", "1000",
          "kafka.delivery.timeout.ms", "2000",
          "vigil.otlp.kafka.send-timeout", "3s",
          "vigil.otlp.kafka.retry-after", "15s");
    }
  }
}
