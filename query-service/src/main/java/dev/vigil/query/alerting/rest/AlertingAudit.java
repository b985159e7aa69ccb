package dev.vigil.query.alerting.rest;

import dev.vigil.query.auth.AuditTrail;
import dev.vigil.state.projects.ProjectEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Audit log entries for changes of a project's alerting: who changed which rule, channel or silence. */
@ApplicationScoped
class AlertingAudit {

  private final AuditTrail audit;

  AlertingAudit(AuditTrail audit) {
    this.audit = audit;
  }

  /** An entry {@code alerting.<action>} about the named object of the project. */
  Uni<Void> record(ProjectEntity project, String action, String targetType, Object targetId, String name) {
    return audit.record(
        project.organization.id, "alerting." + action, targetType, targetId, Map.of("projectId", String.valueOf(project.id), "name", name));
  }
}
