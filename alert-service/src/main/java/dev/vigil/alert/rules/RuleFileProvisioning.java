package dev.vigil.alert.rules;

import dev.vigil.alert.AlertingConfig;
import dev.vigil.alert.leader.LeaderElection;
import dev.vigil.alerting.rules.RuleFileException;
import dev.vigil.alerting.rules.RuleFiles;
import dev.vigil.alerting.rules.RuleGroup;
import dev.vigil.state.alerting.AlertRuleGroups;
import dev.vigil.state.alerting.RuleGroupSpec;
import dev.vigil.state.alerting.RuleGroupSpecs;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Loads Prometheus rule files from {@code vigil.alerting.rules-dir} ({@code <dir>/<project id>/<name>.yml}),
 * as Prometheus loads its {@code rule_files}: each file replaces the namespace named after it whenever its
 * content changes, checked as the API checks an upload; a file with problems is refused whole and logged,
 * leaving what was loaded before. Removing a file does not delete its groups (delete them in the UI or API).
 * The leader does it, so replicas do not race.
 */
@ApplicationScoped
class RuleFileProvisioning {

  private static final Logger LOG = Logger.getLogger(RuleFileProvisioning.class);
  private static final Duration PG_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern PROJECT_DIR = Pattern.compile("[0-9]{1,18}");
  private static final Pattern RULE_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}\\.ya?ml");

  private final Optional<Path> dir;
  private final AlertRuleGroups groups;
  private final LeaderElection leader;
  /** The content last applied (or refused) per file, so an unchanged file costs nothing. */
  private final Map<Path, String> seen = new ConcurrentHashMap<>();

  RuleFileProvisioning(AlertingConfig config, AlertRuleGroups groups, LeaderElection leader) {
    this.dir = config.rulesDir();
    this.groups = groups;
    this.leader = leader;
  }

  @Scheduled(every = "${vigil.alerting.rules-dir-scan:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scan() {
    if (dir.isEmpty() || !leader.isLeader()) {
      return;
    }
    for (Path projectDir : children(dir.get(), PROJECT_DIR)) {
      long projectId = Long.parseLong(projectDir.getFileName().toString());
      for (Path file : children(projectDir, RULE_FILE)) {
        load(projectId, file);
      }
    }
  }

  private void load(long projectId, Path file) {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.warnf("rule file %s not readable: %s", file, e.getMessage());
      return;
    }
    if (content.equals(seen.get(file))) {
      return;
    }
    String namespace = file.getFileName().toString();
    List<String> errors = new ArrayList<>();
    List<RuleGroupSpec> specs = new ArrayList<>();
    try {
      for (RuleGroup g : RuleFiles.parse(content)) {
        specs.add(RuleGroupSpecs.of(namespace, g, errors));
      }
    } catch (RuleFileException e) {
      errors.addAll(e.getErrors());
    }
    if (!errors.isEmpty()) {
      LOG.warnf("rule file %s refused, what was loaded before stays: %s", file, String.join("; ", errors));
      seen.put(file, content);
      return;
    }
    try {
      groups.replaceNamespace(projectId, namespace, specs).await().atMost(PG_TIMEOUT);
      seen.put(file, content);
      LOG.infof("rule file %s loaded into project %d: %d group(s)", file, projectId, specs.size());
    } catch (RuntimeException e) {
      LOG.warnf("rule file %s not loaded into project %d (does the project exist?): %s", file, projectId, e.getMessage());
    }
  }

  private static List<Path> children(Path parent, Pattern name) {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
      for (Path p : entries) {
        if (name.matcher(p.getFileName().toString()).matches()) {
          out.add(p);
        }
      }
    } catch (IOException e) {
      LOG.debugf("rules directory %s not readable: %s", parent, e.getMessage());
    }
    out.sort(null);
    return out;
  }
}
