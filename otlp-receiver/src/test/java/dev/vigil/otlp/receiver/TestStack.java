package dev.vigil.otlp.receiver;

import dev.vigil.testsupport.KafkaStack;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What every @QuarkusTest here needs: the local stack's Kafka and PostgreSQL, and a free port for the
 * gRPC server (Quarkus' separate gRPC server has no "port 0" with a way to read the bound port back).
 */
@QuarkusTestResource(KafkaStack.class)
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(TestStack.FreeGrpcPort.class)
public final class TestStack {

  private TestStack() {}

  /** The gRPC port of the running test application. */
  public static int grpcPort() {
    return ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
  }

  /** Picks a port nothing listens on at start; the small race with other processes is acceptable in tests. */
  public static final class FreeGrpcPort implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
      try (ServerSocket socket = new ServerSocket(0)) {
        return Map.of("quarkus.grpc.server.test-port", Integer.toString(socket.getLocalPort()));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void stop() {}
  }
}
