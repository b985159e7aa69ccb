package dev.vigil.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Without permission to watch pods, or without an API server, signals flow un-enriched and the log says why. */
class PodInformersFailureTest {

  private final PodIndex index = new PodIndex(List.of(), Duration.ofMinutes(5), Clock.systemUTC());
  private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        warnings.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private HttpServer apiServer;
  private KubernetesClient client;
  private PodInformers informers;

  @BeforeEach
  void captureWarnings() {
    Logger.getLogger(PodInformers.class.getName()).addHandler(capture);
  }

  @AfterEach
  void stop() {
    Logger.getLogger(PodInformers.class.getName()).removeHandler(capture);
    if (informers != null) {
      informers.close();
    }
    if (client != null) {
      client.close();
    }
    if (apiServer != null) {
      apiServer.stop(0);
    }
  }

  @Test
  void aForbiddenWatchIsRetriedAndNamesThePermissionToGrantOnce() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    apiServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    apiServer.createContext("/", exchange -> {
      requests.incrementAndGet();
      byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403,"
          + "\"message\":\"pods is forbidden: User \\\"system:serviceaccount:vigil:vigil-event-processor\\\" cannot list"
          + " resource \\\"pods\\\" in API group \\\"\\\" at the cluster scope\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(403, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    apiServer.start();
    client = client("http://127.0.0.1:" + apiServer.getAddress().getPort());

    long started = System.nanoTime();
    informers = PodInformers.start(client, List.of(), index);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

    await().atMost(Duration.ofSeconds(20)).until(() -> requests.get() >= 3);
    assertThat(informers.isSynced()).isFalse();
    assertThat(warnings).singleElement().satisfies(w -> assertThat(w.getMessage())
        .contains("forbids listing and watching pods of all namespaces (HTTP 403")
        .contains("cannot list resource")
        .contains("get, list and watch on pods")
        .contains("ClusterRole")
        .contains("retrying"));
    assertThat(new PodResolver(index).additions(Map.of(), "10.0.0.7", Instant.now())).isEmpty();
  }

  @Test
  void anUnreachableApiServerDelaysNothingAndIsReportedOnce() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    client = client("http://127.0.0.1:" + closedPort);

    long started = System.nanoTime();
    informers = PodInformers.start(client, List.of("shop", "billing"), index);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

    await().atMost(Duration.ofSeconds(20)).until(() -> warnings.size() >= 2);
    assertThat(warnings).extracting(LogRecord::getMessage).allSatisfy(m -> assertThat(m)
        .contains("cannot list or watch pods of namespace")
        .contains("stored without Kubernetes metadata"));
    assertThat(informers.isSynced()).isFalse();
  }

  private static KubernetesClient client(String url) {
    return new KubernetesClientBuilder().withConfig(new ConfigBuilder()
        .withMasterUrl(url)
        .withAutoConfigure(false)
        .withRequestRetryBackoffLimit(0)
        .withWatchReconnectInterval(50)
        .build()).build();
  }
}
