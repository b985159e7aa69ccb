package dev.vigil.alerting.channels;

import static dev.vigil.alerting.channels.TestAlerts.firing;
import static dev.vigil.alerting.channels.TestAlerts.highErrorRate;
import static dev.vigil.alerting.channels.TestAlerts.map;
import static dev.vigil.alerting.channels.TestAlerts.notification;
import static dev.vigil.alerting.channels.TestAlerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.routing.NotifiableAlert;
import dev.vigil.alerting.state.AlertState;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EmailMessageTest {

  @Test
  void namesTheGroupInTheSubjectAndListsEachAlert() {
    Notification n = notification(List.of(highErrorRate(1, "critical"), highErrorRate(2, "critical")),
        "alertname", "HighErrorRate");

    EmailMessage email = EmailMessage.render(n);

    assertThat(email.subject()).isEqualTo("[FIRING:2] HighErrorRate (api critical)");
    assertThat(email.text()).startsWith("[FIRING:2] HighErrorRate (api critical)\nProject: Checkout\n\n")
        .contains("[FIRING] HighErrorRate (pod-1)\n  Error rate above 5% on pod-1\n")
        .contains("  Labels: instance=pod-2, service=api, severity=critical\n")
        .contains("  runbook_url: https://runbooks.example.com/high-error-rate\n")
        .contains("  Started: 2024-05-01 10:00:00 UTC\n")
        .contains("  Open: https://vigil.example.com/projects/checkout/alerting/alerts/2\n")
        .endsWith("Vigil: https://vigil.example.com\n");
    assertThat(email.html())
        .contains("<h2 style=\"margin:0 0 4px\">[FIRING:2] HighErrorRate (api critical)</h2>")
        .contains("<a href=\"https://vigil.example.com/projects/checkout/alerting/alerts/1\">[FIRING] HighErrorRate (pod-1)</a>")
        .contains("border-left:4px solid #E5484D");
  }

  @Test
  void saysResolvedAndWhen() {
    EmailMessage email = EmailMessage.render(notification(
        List.of(resolved(1, map("alertname", "HighErrorRate"), map())), "alertname", "HighErrorRate"));

    assertThat(email.subject()).isEqualTo("[RESOLVED] HighErrorRate");
    assertThat(email.text()).contains("  Resolved: 2024-05-01 10:07:00 UTC\n");
    assertThat(email.html()).contains("border-left:4px solid #30A46C");
  }

  @Test
  void escapesEveryPieceOfUserTextInTheHtml() {
    NotifiableAlert a = firing(1, map("alertname", "<b>X</b>", "team", "\"><img src=x onerror=alert(1)>"),
        map("summary", "<script>alert('x')</script> & more", "runbook_url", "' onmouseover='alert(1)"));
    Notification n = new Notification("k", Map.of(), List.of(a), "<i>Shop</i>", TestAlerts.EXTERNAL_URL);

    String html = EmailMessage.render(n).html();

    assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>").doesNotContain("<i>")
        .doesNotContain("' onmouseover");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more")
        .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
        .contains("Project &lt;i&gt;Shop&lt;/i&gt;");
  }

  @Test
  void linksOnlyToHttpUrls() {
    NotifiableAlert a = new NotifiableAlert(1, map("alertname", "A"), map(), AlertState.FIRING,
        TestAlerts.STARTED, null, "javascript:alert(1)");

    EmailMessage email = EmailMessage.render(new Notification("k", Map.of(), List.of(a), "", "javascript:alert(2)"));

    assertThat(email.html()).doesNotContain("href").doesNotContain("javascript");
    assertThat(email.text()).doesNotContain("Open:").doesNotContain("Vigil:");
  }

  @Test
  void keepsTheSubjectOnOneLine() {
    Map<String, String> group = map("alertname", "A\r\nBcc: victim@example.com\u0000\u0085", "service", "x".repeat(500));
    NotifiableAlert a = firing(1, group, map());

    String subject = EmailMessage.render(new Notification("k", group, List.of(a), "", "")).subject();

    assertThat(subject.chars()).noneMatch(Character::isISOControl);
    assertThat(subject).startsWith("[FIRING:1] A Bcc: victim@example.com x")
        .hasSize(EmailMessage.SUBJECT_MAX).endsWith("…");
  }

  @Test
  void listsAHundredAlertsAndCountsTheRest() {
    List<NotifiableAlert> alerts = IntStream.range(0, 130).mapToObj(i -> highErrorRate(i, "warning")).toList();

    EmailMessage email = EmailMessage.render(notification(alerts));

    assertThat(email.text()).contains("pod-99)").doesNotContain("pod-100)").contains("…and 30 more alerts\n");
    assertThat(email.html()).contains("…and 30 more alerts");
  }
}
