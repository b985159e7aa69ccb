package dev.vigil.alert.leader;

import dev.vigil.alert.AlertingConfig;
import dev.vigil.alert.AlertingMetrics;
import dev.vigil.state.alerting.runtime.Leases;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Which alert-service replica evaluates rules: the holder of the {@value #LEASE} lease, renewed every
 * couple of seconds. Every replica sends notifications; only the leader decides them, and its writes are
 * fenced by the lease, so a replica that paused past its lease cannot write what the new leader decides.
 */
@ApplicationScoped
public class LeaderElection {

  /** The lease's name in alerting_leases. */
  public static final String LEASE = "alert-evaluator";

  private static final Logger LOG = Logger.getLogger(LeaderElection.class);

  private final Leases leases;
  private final Duration ttl;
  private final String owner;
  /** Bumped each time this replica becomes leader, so the evaluator reloads state it may have missed. */
  private final AtomicLong term = new AtomicLong();
  private volatile boolean leader;

  LeaderElection(Leases leases, AlertingConfig config, AlertingMetrics metrics) {
    this.leases = leases;
    this.ttl = config.leaseTtl();
    this.owner = config.replicaId().orElseGet(LeaderElection::defaultReplicaId);
    metrics.leader(this::isLeader);
  }

  @Scheduled(every = "${vigil.alerting.lease-renewal:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void renew() {
    boolean held;
    try {
      held = leases.tryAcquire(LEASE, owner, ttl).await().atMost(ttl);
    } catch (RuntimeException e) {
      LOG.warnf("could not renew the evaluator lease (PostgreSQL unavailable?): %s", e.getMessage());
      held = false;
    }
    if (held && !leader) {
      term.incrementAndGet();
      LOG.infof("replica %s now evaluates alert rules", owner);
    } else if (!held && leader) {
      LOG.infof("replica %s no longer evaluates alert rules", owner);
    }
    leader = held;
  }

  void release(@Observes ShutdownEvent event) {
    if (leader) {
      leader = false;
      try {
        leases.release(LEASE, owner).await().atMost(Duration.ofSeconds(2));
      } catch (RuntimeException e) {
        LOG.debugf("lease not released on shutdown: %s", e.getMessage());
      }
    }
  }

  public boolean isLeader() {
    return leader;
  }

  /** Changes whenever this replica (re)gains leadership. */
  public long term() {
    return term.get();
  }

  public String owner() {
    return owner;
  }

  private static String defaultReplicaId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "alert-service";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
