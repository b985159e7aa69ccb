package dev.vigil.state.accounts;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** One audit log row. */
@Entity
@Table(name = "audit_log")
class AuditEntryEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "organization_id")
  public long organizationId;

  @Column(name = "actor_user_id")
  public Long actorUserId;

  @Column(name = "actor_token_id")
  public Long actorTokenId;

  public String action;

  @Column(name = "target_type")
  public String targetType;

  @Column(name = "target_id")
  public String targetId;

  // JSON text in Java, JSONB in the table. The parameter goes through text first: bound straight to a
  // jsonb parameter, the PostgreSQL client would store the whole document as one JSON string.
  @ColumnTransformer(read = "CAST(detail AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
  public String detail;

  @Column(name = "client_ip")
  public String clientIp;

  @Column(name = "created_at", insertable = false, updatable = false)
  public Instant createdAt;
}
