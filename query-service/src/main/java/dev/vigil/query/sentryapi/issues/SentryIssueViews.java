package dev.vigil.query.sentryapi.issues;

import dev.vigil.domain.IssueStatus;
import dev.vigil.query.issues.IssueDetail;
import dev.vigil.query.issues.IssueSummary;
import dev.vigil.query.sentryapi.common.SentryShapes;
import dev.vigil.state.projects.ProjectEntity;
import dev.vigil.storage.clickhouse.read.CountBucket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Vigil's issue list entries and details in Sentry's group shapes. */
@ApplicationScoped
class SentryIssueViews {

  @Inject SentryShapes shapes;

  /** One fields set shared by the list and the detail (the detail counts every stored event). */
  record Fields(
      long id, String title, String culprit, String type, String level, String platform, String status,
      Instant firstSeen, Instant lastSeen, long count, long userCount) {}

  SentryIssueJson summary(IssueSummary i, ProjectEntity p, String period, int comments) {
    Fields f = new Fields(i.id(), i.title(), i.culprit(), i.type(), i.level(), i.platform(), i.status(), i.firstSeen(),
        i.lastSeen(), i.count(), i.userCount());
    return json(f, p, Map.of(period, pairs(i.stats())), comments);
  }

  SentryIssueDetailJson detail(IssueDetail d, ProjectEntity p, int comments) {
    Fields f = new Fields(d.id(), d.title(), d.culprit(), d.type(), d.level(), d.platform(), d.status(), d.firstSeen(),
        d.lastSeen(), d.count(), d.userCount());
    Map<String, List<long[]>> stats = new LinkedHashMap<>();
    stats.put("24h", pairs(d.stats()));
    stats.put("30d", pairs(d.dailyStats()));
    List<Map<String, Object>> tags =
        d.tags().stream()
            .map(
                t -> {
                  Map<String, Object> tag = new LinkedHashMap<>();
                  tag.put("key", t.key());
                  tag.put("name", t.key());
                  tag.put("totalValues", t.totalValues());
                  tag.put("uniqueValues", t.uniqueValues());
                  tag.put("topValues", t.topValues());
                  return tag;
                })
            .toList();
    return new SentryIssueDetailJson(
        json(f, p, stats, comments), release(d.firstRelease()), release(d.lastRelease()), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), 0, tags);
  }

  private SentryIssueJson json(Fields f, ProjectEntity p, Map<String, List<long[]>> stats, int comments) {
    boolean error = f.type() != null && !f.type().isEmpty();
    boolean nextRelease = IssueStatus.RESOLVED_IN_NEXT_RELEASE.wireName().equals(f.status());
    Map<String, Object> statusDetails = nextRelease ? Map.of("inNextRelease", true) : Map.of();
    return new SentryIssueJson(
        String.valueOf(f.id()),
        p.slug.toUpperCase(Locale.ROOT) + "-" + f.id(),
        f.title(),
        f.culprit(),
        shapes.issuePermalink(p, f.id()),
        null,
        f.level(),
        nextRelease ? "resolved" : f.status(),
        statusDetails,
        substatus(f.status()),
        false,
        f.platform(),
        shapes.projectRef(p),
        error ? "error" : "default",
        metadata(f.title(), f.type(), error),
        comments,
        null,
        false,
        false,
        false,
        List.of(),
        "error",
        "error",
        false,
        String.valueOf(f.count()),
        f.userCount(),
        f.firstSeen(),
        f.lastSeen(),
        stats);
  }

  /** Sentry's metadata: the exception type and value for errors, the title for message issues. */
  private static Map<String, String> metadata(String title, String type, boolean error) {
    Map<String, String> metadata = new HashMap<>();
    if (!error) {
      metadata.put("title", title);
      return metadata;
    }
    String prefix = type + ": ";
    metadata.put("type", type);
    metadata.put("value", title != null && title.startsWith(prefix) ? title.substring(prefix.length()) : title);
    return metadata;
  }

  private static String substatus(String status) {
    return switch (status) {
      case "unresolved" -> "ongoing";
      case "ignored" -> "archived_until_escalating";
      default -> null;
    };
  }

  private static Map<String, String> release(String version) {
    return version == null || version.isEmpty() ? null : Map.of("version", version, "shortVersion", version);
  }

  private static List<long[]> pairs(List<CountBucket> buckets) {
    return buckets == null ? List.of() : buckets.stream().map(b -> new long[] {b.t(), b.count()}).toList();
  }
}
