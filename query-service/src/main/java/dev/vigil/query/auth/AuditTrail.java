package dev.vigil.query.auth;

import dev.vigil.state.accounts.AuditLog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Records security-relevant changes in the audit log, with the current caller as the actor. */
@ApplicationScoped
public class AuditTrail {

  private final AuditLog log;
  private final CurrentCaller current;

  AuditTrail(AuditLog log, CurrentCaller current) {
    this.log = log;
    this.current = current;
  }

  /** An action of the authenticated caller (no actor ids for the admin token). */
  public Uni<Void> record(long organizationId, String action, String targetType, Object targetId, Map<String, String> detail) {
    Caller caller = current.find();
    Long userId = caller == null ? null : caller.userId();
    Long tokenId = caller == null ? null : caller.tokenId();
    return write(organizationId, userId, tokenId, action, targetType, targetId, detail);
  }

  /** An action of a user who is not (yet) the caller: a login, an accepted invitation. */
  public Uni<Void> recordFor(long organizationId, long userId, String action, Map<String, String> detail) {
    return write(organizationId, userId, null, action, "user", userId, detail);
  }

  /** Something that happened to a user without an authenticated actor: a failed login names only an email. */
  public Uni<Void> recordAbout(long organizationId, long userId, String action, Map<String, String> detail) {
    return write(organizationId, null, null, action, "user", userId, detail);
  }

  private Uni<Void> write(
      long organizationId, Long userId, Long tokenId, String action, String targetType, Object targetId, Map<String, String> detail) {
    String target = targetId == null ? null : String.valueOf(targetId);
    return log.record(
        new AuditLog.Entry(organizationId, userId, tokenId, action, targetType, target, detail, current.clientIp(), null));
  }
}
