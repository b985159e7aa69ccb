package dev.vigil.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** alert-service's settings ({@code vigil.alerting.*}). */
@ConfigMapping(prefix = "vigil.alerting")
public interface AlertingConfig {

  /** How often a rule group without its own {@code interval} is evaluated (Prometheus's global default). */
  @WithDefault("1m")
  Duration evaluationInterval();

  /** How often error rules (new issue, regression, frequency, volume) are evaluated. */
  @WithDefault("5s")
  Duration errorRuleInterval();

  /** How long a resolved alert is kept (shown, and notified as resolved) before it is forgotten. */
  @WithDefault("15m")
  Duration resolvedRetention();

  /** This replica's name in the leader lease; defaults to the host name and a random suffix. */
  Optional<String> replicaId();

  /** How often each replica renews (or tries to take) the leader lease. */
  @WithDefault("2s")
  Duration leaseRenewal();

  /** How often the leader looks for due rule groups and dispatches notifications. */
  @WithDefault("1s")
  Duration tick();

  /** How long the leader's lease lasts without renewal; another replica takes over after that. */
  @WithDefault("15s")
  Duration leaseTtl();

  /** Where users reach the web UI: notifications link back to it. */
  @WithDefault("http://localhost:8080")
  String externalUrl();

  /**
   * A directory of Prometheus rule files to load, one subdirectory per project id
   * ({@code <dir>/<project id>/<file>.yml}): each file becomes the namespace of its name, replaced when
   * the file changes (for rules kept in Git or a Kubernetes ConfigMap). Unset: only the API and UI.
   */
  Optional<java.nio.file.Path> rulesDir();

  /** How often the rules directory is read for changed files. */
  @WithDefault("30s")
  Duration rulesDirScan();

  /** Rule groups evaluated at the same time. */
  @WithDefault("4")
  int evaluationThreads();

  /** Upper bound of one rule's PromQL evaluation. */
  @WithDefault("30s")
  Duration queryTimeout();

  /** Series and samples one rule's query may load (as query-service's PromQL limits). */
  @WithDefault("50000")
  int maxSeries();

  @WithDefault("10000000")
  int maxSamples();

  /** Delivery of notifications. */
  Delivery delivery();

  interface Delivery {

    /** How often each replica looks for due notifications to send. */
    @WithDefault("1s")
    Duration poll();

    /**
     * Deliveries claimed and sent per round, across channels. Small, because a claim hides its batch from
     * other replicas until every member could have timed out: after a crash mid-batch, the rest is resent
     * that much later.
     */
    @WithDefault("10")
    int batchSize();

    /** Timeout of one webhook call. */
    @WithDefault("10s")
    Duration httpTimeout();

    /** First retry delay after a failure without Retry-After; doubles per attempt. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** Longest delay between two attempts. */
    @WithDefault("5m")
    Duration maxBackoff();

    /** A notification not delivered after this many attempts is marked failed. */
    @WithDefault("12")
    int maxAttempts();

    /** ... or after this long. */
    @WithDefault("6h")
    Duration maxAge();

    /** Sender address of email notifications. */
    @WithDefault("vigil@localhost")
    String emailFrom();
  }
}
