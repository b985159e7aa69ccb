package dev.vigil.state.projects;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A DSN key of a project. */
@Entity
@Table(name = "project_keys")
public class ProjectKeyEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "project_id")
  public long projectId;

  @Column(name = "public_key")
  public String publicKey;

  @Column(name = "secret_key")
  public String secretKey;

  public String label;

  public boolean active;

  /** Events accepted per minute with this key; null means unlimited. */
  @Column(name = "rate_limit_per_minute")
  public Integer rateLimitPerMinute;

  @Column(name = "created_at", insertable = false, updatable = false)
  public Instant createdAt;
}
