package dev.vigil.alert.rules;

import dev.vigil.alert.AlertingConfig;
import dev.vigil.alert.AlertingMetrics;
import dev.vigil.alert.leader.LeaderElection;
import dev.vigil.alert.state.AlertBook;
import dev.vigil.alerting.rules.RuleGroup;
import dev.vigil.state.alerting.AlertRuleGroup;
import dev.vigil.state.alerting.AlertRuleGroups;
import dev.vigil.storage.MetricWriter;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Runs every project's rule groups at their intervals, on the leader only. A group runs on one of a few
 * threads and never overlaps itself; a group slower than its interval skips the missed runs, as
 * Prometheus does. Each run's time, duration and first error are stored with the group for the UI.
 */
@ApplicationScoped
class RuleScheduler {

  private static final Logger LOG = Logger.getLogger(RuleScheduler.class);
  private static final Duration PG_TIMEOUT = Duration.ofSeconds(10);
  static final String KEY_PREFIX = "group:";

  private final AlertRuleGroups groups;
  private final LeaderElection leader;
  private final AlertBook book;
  private final AlertingConfig config;
  private final SeriesWriteBack writeBack;
  private final RuleGroupEvaluator evaluator;
  private final RuleGroups parsed = new RuleGroups();
  private final Map<Long, Instant> nextRun = new ConcurrentHashMap<>();
  private final Set<Long> running = ConcurrentHashMap.newKeySet();
  private final ExecutorService workers;
  private final AlertingMetrics metrics;

  RuleScheduler(
      AlertRuleGroups groups, LeaderElection leader, AlertBook book, AlertingConfig config, ClickHouseStorage storage, MetricWriter writer,
      AlertingMetrics metrics) {
    this.metrics = metrics;
    this.groups = groups;
    this.leader = leader;
    this.book = book;
    this.config = config;
    this.writeBack = new SeriesWriteBack(writer);
    this.evaluator = new RuleGroupEvaluator(storage, writeBack, book, config);
    this.workers = Executors.newFixedThreadPool(config.evaluationThreads(), r -> {
      Thread t = new Thread(r, "rule-evaluation");
      t.setDaemon(true);
      return t;
    });
  }

  @Scheduled(every = "${vigil.alerting.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    if (!leader.isLeader()) {
      nextRun.clear();
      writeBack.reset();
      return;
    }
    List<AlertRuleGroup> stored;
    try {
      book.refreshIfNewTerm();
      stored = groups.all().await().atMost(PG_TIMEOUT);
    } catch (RuntimeException e) {
      LOG.warnf("rule groups not evaluated: PostgreSQL unavailable? %s", e.getMessage());
      return;
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Set<String> ruleKeys = new HashSet<>();
    Set<Long> ids = new HashSet<>();
    for (AlertRuleGroup g : stored) {
      ids.add(g.id());
      RuleGroup group;
      try {
        group = parsed.parse(g);
      } catch (RuntimeException e) {
        report(g, now, 0, e.getMessage());
        continue;
      }
      for (int i = 0; i < group.rules().size(); i++) {
        ruleKeys.add(RuleGroupEvaluator.ruleKey(g.id(), i, group.rules().get(i)));
      }
      Instant due = nextRun.getOrDefault(g.id(), now);
      if (!due.isAfter(now) && running.add(g.id())) {
        Duration interval = RuleGroupEvaluator.interval(group, config.evaluationInterval());
        nextRun.put(g.id(), now.plus(interval));
        workers.execute(() -> run(g, group, now));
      }
    }
    nextRun.keySet().retainAll(ids);
    book.retainRules(KEY_PREFIX, ruleKeys);
  }

  private void run(AlertRuleGroup stored, RuleGroup group, Instant at) {
    long started = System.nanoTime();
    try {
      String error = evaluator.evaluate(stored.projectId(), stored.id(), group, at);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      metrics.evaluation("rule_group", took, error != null);
      report(stored, at, (int) took.toMillis(), error);
    } catch (RuntimeException e) {
      LOG.warnf(e, "rule group %d failed", stored.id());
    } finally {
      running.remove(stored.id());
    }
  }

  private void report(AlertRuleGroup g, Instant at, int millis, String error) {
    try {
      groups.recordEvaluation(g.id(), at, millis, error).await().atMost(PG_TIMEOUT);
    } catch (RuntimeException e) {
      LOG.debugf("evaluation of group %d not recorded: %s", g.id(), e.getMessage());
    }
  }

  void stop(@Observes ShutdownEvent event) {
    workers.shutdownNow();
  }
}
