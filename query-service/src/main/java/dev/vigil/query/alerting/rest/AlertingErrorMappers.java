package dev.vigil.query.alerting.rest;

import dev.vigil.query.alerting.InvalidRulesException;
import dev.vigil.state.alerting.NameTakenException;
import dev.vigil.state.alerting.RuleGroupConflictException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The alerting API's own failures, in the API's {@code {"detail": ...}} shape with what a client needs to act. */
final class AlertingErrorMappers {

  /** A 400 for rules Prometheus would reject: every problem, each naming its group and rule. */
  public record RuleErrors(String detail, List<String> errors) {}

  /** A 409 with the stored version, so the UI can say what happened and offer a reload. */
  public record Conflict(String detail, int currentVersion) {}

  /** A 409 for a name in use. */
  public record NameTaken(String detail) {}

  @ServerExceptionMapper
  Response invalidRules(InvalidRulesException e) {
    return json(400, new RuleErrors(e.getMessage(), e.errors()));
  }

  @ServerExceptionMapper
  Response conflict(RuleGroupConflictException e) {
    return json(409, new Conflict(e.getMessage(), e.currentVersion()));
  }

  @ServerExceptionMapper
  Response nameTaken(NameTakenException e) {
    return json(409, new NameTaken(e.getMessage()));
  }

  private static Response json(int status, Object body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
  }
}
