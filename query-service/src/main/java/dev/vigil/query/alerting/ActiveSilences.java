package dev.vigil.query.alerting;

import dev.vigil.alerting.routing.LabelMatchers;
import dev.vigil.alerting.routing.Silence;
import dev.vigil.state.alerting.AlertSilence;
import dev.vigil.state.alerting.AlertSilences;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Which silences mute an alert now, as the dispatcher decides it (libs/alerting's {@link Silence}). */
@ApplicationScoped
public class ActiveSilences {

  private static final Logger LOG = Logger.getLogger(ActiveSilences.class);

  private final AlertSilences silences;

  ActiveSilences(AlertSilences silences) {
    this.silences = silences;
  }

  /** The project's silences in effect at {@code now}. */
  public Uni<List<Silence>> at(long projectId, Instant now) {
    return silences.activeAt(projectId, now).map(ActiveSilences::domain);
  }

  /** The ids of the silences muting an alert with these labels. */
  public static List<Long> muting(List<Silence> active, Map<String, String> labels, Instant now) {
    return Silence.muting(active, labels, now);
  }

  static List<Silence> domain(List<AlertSilence> stored) {
    List<Silence> out = new ArrayList<>();
    for (AlertSilence s : stored) {
      try {
        out.add(new Silence(s.id(), LabelMatchers.parse(s.matchers()), s.startsAt(), s.endsAt(), s.comment(), s.createdBy()));
      } catch (IllegalArgumentException e) {
        // Stored matchers were checked when created; one that no longer parses mutes nothing.
        LOG.warnf("silence %d has matchers that do not parse: %s", s.id(), e.getMessage());
      }
    }
    return out;
  }
}
