package dev.vigil.alerting.channels;

import dev.vigil.alerting.routing.NotifiableAlert;
import java.util.List;

/**
 * An email notification: a one-line subject ("[FIRING:2] HighErrorRate (api)"), a plain-text body and
 * an HTML body saying the same, every piece of user text escaped.
 */
public record EmailMessage(String subject, String text, String html) {

  /** Longest subject; mail clients show far less, and a long one folds badly. */
  public static final int SUBJECT_MAX = 200;

  /** Most alerts listed in one email; the rest are counted and linked. */
  public static final int ALERTS_MAX = 100;

  /** The email for {@code n}. */
  public static EmailMessage render(Notification n) {
    String title = AlertPresentation.title(n);
    List<NotifiableAlert> alerts = AlertPresentation.displayOrder(n);
    List<NotifiableAlert> shown = alerts.subList(0, Math.min(ALERTS_MAX, alerts.size()));
    int hidden = alerts.size() - shown.size();
    return new EmailMessage(
        subject(title),
        EmailText.render(n, title, shown, hidden),
        EmailHtml.render(n, title, shown, hidden));
  }

  /** The title on one line: a CR or LF in a label must never start a new mail header. */
  static String subject(String title) {
    return Text.truncate(Text.singleLine(title).replaceAll("\\s+", " "), SUBJECT_MAX);
  }
}
