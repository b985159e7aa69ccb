package dev.vigil.alert.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alert.AlertingConfig;
import dev.vigil.alerting.channels.EmailMessage;
import dev.vigil.alerting.channels.Notification;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a notification as an email through the SMTP server configured for the installation
 * ({@code quarkus.mailer.*}); the channel only names the recipients. An SMTP failure is retried: a
 * mail server that is down or greylisting usually recovers.
 */
@ApplicationScoped
class EmailChannel {

  private final Mailer mailer;
  private final String from;

  EmailChannel(Mailer mailer, AlertingConfig config) {
    this.mailer = mailer;
    this.from = config.delivery().emailFrom();
  }

  SendOutcome send(JsonNode settings, Notification notification) {
    List<String> to = new ArrayList<>();
    JsonNode list = settings.get("to");
    if (list != null && list.isArray()) {
      list.forEach(address -> to.add(address.asText()));
    }
    if (to.isEmpty()) {
      return SendOutcome.permanent(null, "the channel has no recipients");
    }
    EmailMessage message = EmailMessage.render(notification);
    Mail mail = new Mail().setFrom(from).setTo(to).setSubject(message.subject()).setText(message.text()).setHtml(message.html());
    try {
      mailer.send(mail);
      return SendOutcome.sent(250);
    } catch (RuntimeException e) {
      return SendOutcome.retryable(null, "SMTP: " + SendOutcome.abbreviate(String.valueOf(e.getMessage())));
    }
  }
}
