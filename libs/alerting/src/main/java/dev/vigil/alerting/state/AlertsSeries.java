package dev.vigil.alerting.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The series Prometheus writes for every pending and firing alert at each evaluation: {@code
 * ALERTS{alertname, alertstate="pending|firing", <labels>} 1} and {@code
 * ALERTS_FOR_STATE{alertname, <labels>} <activeAt in Unix seconds>}. Resolved alerts write nothing,
 * so their series end (the caller marks them stale as it does for any series that disappears).
 */
public final class AlertsSeries {

  public static final String ALERTS = "ALERTS";
  public static final String ALERTS_FOR_STATE = "ALERTS_FOR_STATE";
  public static final String ALERT_STATE_LABEL = "alertstate";

  private AlertsSeries() {}

  /** The points for these alerts (labels already carry {@code alertname}), ordered by fingerprint. */
  public static List<AlertSample> samples(Collection<ActiveAlert> alerts) {
    List<ActiveAlert> ordered = new ArrayList<>(alerts);
    ordered.sort(Comparator.comparingLong(ActiveAlert::fingerprint));
    List<AlertSample> samples = new ArrayList<>(2 * ordered.size());
    for (ActiveAlert alert : ordered) {
      if (alert.state() == AlertState.INACTIVE) {
        continue;
      }
      Map<String, String> labels = new TreeMap<>(alert.labels());
      labels.put(ALERT_STATE_LABEL, alert.state().label());
      samples.add(new AlertSample(ALERTS, labels, 1));
      // Prometheus truncates activeAt to whole seconds (time.Time.Unix)
      samples.add(
          new AlertSample(ALERTS_FOR_STATE, alert.labels(), alert.activeAt().getEpochSecond()));
    }
    return samples;
  }
}
