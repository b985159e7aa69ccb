package dev.vigil.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * alert-service as several replicas: the suite's own, and those a test starts beside it with the same
 * PostgreSQL, ClickHouse and pace settings, each under its own replica id, port and log. Which replica leads is
 * what each one reports on {@code /q/metrics} ({@code vigil_alerting_leader}), as an operator would see it.
 */
final class AlertServiceReplicas {

  private static final Pattern LEADER_GAUGE =
      Pattern.compile("^vigil_alerting_leader(?:\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE);

  private final Path repoRoot;
  private final Path logDir;
  private final Map<String, String> env;
  private final Replica suite;
  private final HttpClient http;

  AlertServiceReplicas(Path repoRoot, Path logDir, Map<String, String> env, ServiceProcess suite, HttpClient http) {
    this.repoRoot = repoRoot;
    this.logDir = logDir;
    this.env = Map.copyOf(env);
    this.suite = new Replica(env.get("VIGIL_ALERTING_REPLICA_ID"), suite, http);
    this.http = http;
  }

  /**
   * The suite's alert-service: the web-ui forwards to it and later test classes rely on it, so a test that
   * kills it starts it again.
   */
  Replica suiteReplica() {
    return suite;
  }

  /** Starts one more alert-service named {@code replicaId} on a free port and waits until it is ready; its log is {@code alert-service-<replicaId>.log}. */
  Replica start(String replicaId) throws IOException, InterruptedException {
    Map<String, String> replicaEnv = new HashMap<>(env);
    replicaEnv.put("VIGIL_ALERTING_REPLICA_ID", replicaId);
    ServiceProcess process =
        ServiceProcess.start(repoRoot, "alert-service", "alert-service-" + replicaId, ServiceProcess.freePort(), replicaEnv, logDir);
    Replica replica = new Replica(replicaId, process, http);
    try {
      process.awaitReady(http);
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
    return replica;
  }

  /** One alert-service process and the id it holds the evaluator lease under. */
  static final class Replica {
    private final String id;
    private final ServiceProcess process;
    private final HttpClient http;

    private Replica(String id, ServiceProcess process, HttpClient http) {
      this.id = id;
      this.process = process;
      this.http = http;
    }

    String id() {
      return id;
    }

    ServiceProcess process() {
      return process;
    }

    /** Whether the replica says it holds the evaluator lease; false when it does not answer (dead, or not started yet). */
    boolean leads() {
      try {
        HttpResponse<String> metrics =
            http.send(
                HttpRequest.newBuilder(URI.create(process.baseUrl() + "/q/metrics")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (metrics.statusCode() != 200) {
          return false;
        }
        Matcher gauge = LEADER_GAUGE.matcher(metrics.body());
        return gauge.find() && Double.parseDouble(gauge.group(1)) == 1.0;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    /** Kills it with SIGKILL: it cannot release the lease, which the others take only once it has expired. */
    void kill() throws InterruptedException {
      process.kill();
    }

    /** Starts it again after {@link #kill()} (same id, port and log) and waits until it is ready. */
    void restart() throws IOException, InterruptedException {
      process.restart();
      process.awaitReady(http);
    }

    @Override
    public String toString() {
      return id + " (" + process.baseUrl() + ", log " + process.log() + ")";
    }
  }
}
