package dev.vigil.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that runs the packaged ingest-gateway, otlp-receiver, event-processor, query-service,
 * alert-service and web-ui once for the whole suite, against the local stack (Kafka, PostgreSQL, ClickHouse),
 * and hands tests a {@link VigilApi} (and, to tests of alert-service's replicas, {@link AlertServiceReplicas}).
 * The services are stopped when the root context closes, after the last test class.
 */
final class StackServices implements BeforeAllCallback, ParameterResolver {

  private static final List<String> SERVICES =
      List.of("ingest-gateway", "otlp-receiver", "event-processor", "query-service", "alert-service", "web-ui");

  /**
   * alert-service at a test's pace: error rules every second, the evaluator lease renewed every second and
   * taken over 3 s after a replica of an earlier run vanished without releasing it (Quarkus' scheduler runs
   * nothing more often than once a second). Rule groups keep their own {@code interval}; deliveries are sent
   * every second by default.
   */
  private static final Map<String, String> ALERTING_PACE =
      Map.of(
          "VIGIL_ALERTING_ERROR_RULE_INTERVAL", "1s",
          "VIGIL_ALERTING_LEASE_RENEWAL", "1s",
          "VIGIL_ALERTING_LEASE_TTL", "3s");

  @Override
  public void beforeAll(ExtensionContext context) {
    running(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == VigilApi.class || type == AlertServiceReplicas.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Running running = running(context);
    return parameter.getParameter().getType() == VigilApi.class ? running.api : running.alertServices;
  }

  private static Running running(ExtensionContext context) {
    // One start per suite; a failed start is remembered so later classes fail fast with the same cause.
    Running running =
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
            .computeIfAbsent(StackServices.class, key -> Running.start(), Running.class);
    if (running.failure != null) {
      throw running.failure;
    }
    return running;
  }

  /** The started services, or why they could not start. */
  static final class Running implements AutoCloseable {
    private final List<ServiceProcess> processes;
    private final VigilApi api;
    private final AlertServiceReplicas alertServices;
    private final IllegalStateException failure;

    private Running(
        List<ServiceProcess> processes, VigilApi api, AlertServiceReplicas alertServices, IllegalStateException failure) {
      this.processes = processes;
      this.api = api;
      this.alertServices = alertServices;
      this.failure = failure;
    }

    static Running start() {
      Map<String, String> env = environment();
      List<ServiceProcess> started = new ArrayList<>();
      try {
        checkStackReachable(env);
        Path repoRoot = Path.of(System.getProperty("vigil.repo.root", "..")).toAbsolutePath().normalize();
        Path logDir = repoRoot.resolve("e2e/target");
        Map<String, Integer> ports = new HashMap<>();
        for (String service : SERVICES) {
          ports.put(service, ServiceProcess.freePort());
        }
        String gatewayUrl = "http://localhost:" + ports.get("ingest-gateway");
        env.put("VIGIL_INGEST_PUBLIC_URL", gatewayUrl);
        int otlpGrpcPort = ServiceProcess.freePort();
        String otlpHttpUrl = "http://localhost:" + ports.get("otlp-receiver");
        String otlpGrpcUrl = "http://localhost:" + otlpGrpcPort;
        // What the setup page shows SDKs: the suite's own receiver.
        env.put("VIGIL_OTLP_PUBLIC_HTTP_URL", otlpHttpUrl);
        env.put("VIGIL_OTLP_PUBLIC_GRPC_URL", otlpGrpcUrl);
        String queryUrl = "http://localhost:" + ports.get("query-service");
        String webUiUrl = "http://localhost:" + ports.get("web-ui");
        // Invitation links (inviteUrl) and alert notifications point at the suite's own web-ui.
        env.put("VIGIL_UI_PUBLIC_URL", webUiUrl);
        String alertUrl = "http://localhost:" + ports.get("alert-service");
        Map<String, String> alertServiceEnv = null;
        ServiceProcess alertService = null;
        for (String service : SERVICES) {
          Map<String, String> serviceEnv = new HashMap<>(env);
          if (service.equals("otlp-receiver")) {
            // OTLP/HTTP is served by the Quarkus HTTP server (the port ServiceProcess passes), gRPC on its own port.
            serviceEnv.put("VIGIL_OTLP_HTTP_PORT", Integer.toString(ports.get(service)));
            serviceEnv.put("VIGIL_OTLP_GRPC_PORT", Integer.toString(otlpGrpcPort));
          }
          if (service.equals("event-processor")) {
            // Its own consumer group, so that the processor of a running `./vigil up` platform does not take
            // the suite's records. Only here: other services would read this name as a channel called "ingest".
            serviceEnv.put("MP_MESSAGING_INCOMING_INGEST_EVENTS_GROUP_ID", "vigil-e2e-event-processor");
            for (String channel : List.of("SPANS", "LOGS", "METRICS")) {
              serviceEnv.put("MP_MESSAGING_INCOMING_OTLP_" + channel + "_GROUP_ID", "vigil-e2e-otlp-processor");
            }
          }
          if (service.equals("query-service")) {
            // Channels of the alerting tests point at a local capture server, not at discord.com or slack.com.
            serviceEnv.put("VIGIL_ALERTING_ALLOW_ANY_WEBHOOK_URL", "true");
          }
          if (service.equals("alert-service")) {
            serviceEnv.putAll(ALERTING_PACE);
            // Named, so that its log and the lease (alerting_leases.owner) say which replica leads.
            serviceEnv.put("VIGIL_ALERTING_REPLICA_ID", "e2e-suite-" + UUID.randomUUID().toString().substring(0, 8));
            alertServiceEnv = serviceEnv;
          }
          if (service.equals("web-ui")) {
            // One origin for the browser: the UI forwards /api to the suite's query-service and alert-service.
            serviceEnv.put("VIGIL_QUERY_SERVICE_URL", queryUrl);
            serviceEnv.put("VIGIL_ALERT_SERVICE_URL", alertUrl);
          }
          ServiceProcess process = ServiceProcess.start(repoRoot, service, ports.get(service), serviceEnv, logDir);
          started.add(process);
          if (service.equals("alert-service")) {
            alertService = process;
          }
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (ServiceProcess process : started) {
          process.awaitReady(http);
        }
        VigilApi api =
            new VigilApi(
                http,
                queryUrl,
                gatewayUrl,
                webUiUrl,
                new OtlpEndpoints(otlpHttpUrl, otlpGrpcUrl),
                env.get("VIGIL_ADMIN_TOKEN"));
        AlertServiceReplicas alertServices = new AlertServiceReplicas(repoRoot, logDir, alertServiceEnv, alertService, http);
        return new Running(started, api, alertServices, null);
      } catch (IOException | InterruptedException | RuntimeException e) {
        stopAll(started);
        IllegalStateException failure =
            e instanceof IllegalStateException ise ? ise : new IllegalStateException("could not start Vigil: " + e, e);
        return new Running(List.of(), null, null, failure);
      }
    }

    @Override
    public void close() {
      stopAll(processes);
    }

    private static void stopAll(List<ServiceProcess> processes) {
      for (ServiceProcess process : processes) {
        try {
          process.close();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** The services' configuration: the stack's addresses from the environment when `./vigil test` exported them. */
  static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", getenv("KAFKA_BOOTSTRAP_SERVERS", "localhost:19092"));
    env.put(
        "QUARKUS_DATASOURCE_REACTIVE_URL",
        getenv("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://localhost:15432/vigil_test"));
    env.put(
        "QUARKUS_DATASOURCE_JDBC_URL",
        getenv("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:15432/vigil_test"));
    env.put("QUARKUS_DATASOURCE_USERNAME", getenv("QUARKUS_DATASOURCE_USERNAME", "vigil"));
    env.put("QUARKUS_DATASOURCE_PASSWORD", getenv("QUARKUS_DATASOURCE_PASSWORD", "vigil"));
    env.put(
        "VIGIL_CLICKHOUSE_URL",
        getenv("VIGIL_CLICKHOUSE_URL", "jdbc:clickhouse:http://localhost:18123/default?compress=false"));
    // Its own ClickHouse database, so the e2e suite never reads rows other test suites wrote.
    env.put("VIGIL_CLICKHOUSE_DATABASE", "vigil_e2e");
    // The tests' own topics (deploy/local/topics.conf): a `./vigil up` platform on the same broker
    // must not consume what the suite sends.
    env.put("VIGIL_INGEST_TOPIC", "vigil.test.ingest.events");
    env.put("VIGIL_INGEST_DLQ_TOPIC", "vigil.test.ingest.events.dlq");
    // Read by otlp-receiver (producer) and event-processor (consumers) alike.
    env.put("VIGIL_OTLP_SPANS_TOPIC", "vigil.test.otlp.spans");
    env.put("VIGIL_OTLP_LOGS_TOPIC", "vigil.test.otlp.logs");
    env.put("VIGIL_OTLP_METRICS_TOPIC", "vigil.test.otlp.metrics");
    env.put("VIGIL_OTLP_DLQ_TOPIC", "vigil.test.otlp.dlq");
    env.put("VIGIL_ADMIN_TOKEN", getenv("VIGIL_ADMIN_TOKEN", "e2e-" + UUID.randomUUID()));
    return env;
  }

  private static String getenv(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void checkStackReachable(Map<String, String> env) {
    List<String> down = new ArrayList<>();
    String kafka = env.get("KAFKA_BOOTSTRAP_SERVERS").split(",")[0].trim();
    if (!tcpReachable(kafka)) {
      down.add("Kafka at " + kafka);
    }
    URI postgres = URI.create(env.get("QUARKUS_DATASOURCE_JDBC_URL").substring("jdbc:".length()));
    String pgAddress = postgres.getHost() + ":" + (postgres.getPort() < 0 ? 5432 : postgres.getPort());
    if (!tcpReachable(pgAddress)) {
      down.add("PostgreSQL at " + pgAddress);
    }
    URI clickhouse = URI.create(env.get("VIGIL_CLICKHOUSE_URL").substring("jdbc:clickhouse:".length()));
    String ping = clickhouse.getScheme() + "://" + clickhouse.getHost() + ":" + clickhouse.getPort() + "/ping";
    if (!httpOk(ping)) {
      down.add("ClickHouse at " + ping);
    }
    if (!down.isEmpty()) {
      throw new IllegalStateException(
          "The local stack is not reachable (" + String.join(", ", down) + "). The end-to-end tests need it:"
              + " run them with `./vigil test`, which starts it, or start it with `./vigil up --infra-only`.");
    }
  }

  private static boolean tcpReachable(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))), 3000);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean httpOk(String url) {
    try {
      HttpResponse<Void> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                  HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException | RuntimeException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
