package dev.vigil.alerting.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A silence: between {@code startsAt} (inclusive) and {@code endsAt} it mutes the alerts it matches. */
public record Silence(
    long id,
    List<LabelMatcher> matchers,
    Instant startsAt,
    Instant endsAt,
    String comment,
    String createdBy) {

  /** Where a silence is in its lifetime, as Alertmanager reports it. */
  public enum Status {
    PENDING,
    ACTIVE,
    EXPIRED
  }

  public Silence {
    matchers = List.copyOf(matchers);
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    comment = comment == null ? "" : comment;
    createdBy = createdBy == null ? "" : createdBy;
  }

  public Status status(Instant now) {
    if (now.isBefore(startsAt)) {
      return Status.PENDING;
    }
    return now.isBefore(endsAt) ? Status.ACTIVE : Status.EXPIRED;
  }

  /**
   * Whether this silence mutes an alert with these labels at {@code now}. A silence without
   * matchers mutes nothing: it could only have been stored by mistake, and muting every alert of a
   * project by mistake is worse.
   */
  public boolean mutes(Map<String, String> labels, Instant now) {
    return status(now) == Status.ACTIVE
        && !matchers.isEmpty()
        && LabelMatchers.matchAll(matchers, labels);
  }

  /**
   * What is wrong with this silence as a new one, in Alertmanager's terms (empty when it can be
   * saved): it needs a matcher, one matcher that does not match the empty string (or it would
   * silence everything without that label too), and an end after its start.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (matchers.isEmpty()) {
      problems.add("a silence needs at least one matcher");
    } else if (matchers.stream().allMatch(LabelMatcher::matchesEmpty)) {
      problems.add("at least one matcher must not match the empty string");
    }
    if (!endsAt.isAfter(startsAt)) {
      problems.add("endsAt must be after startsAt");
    }
    return problems;
  }

  /** The ids of the silences that mute an alert with these labels at {@code now}. */
  public static List<Long> muting(
      Collection<Silence> silences, Map<String, String> labels, Instant now) {
    List<Long> ids = new ArrayList<>();
    for (Silence silence : silences) {
      if (silence.mutes(labels, now)) {
        ids.add(silence.id());
      }
    }
    return ids;
  }
}
