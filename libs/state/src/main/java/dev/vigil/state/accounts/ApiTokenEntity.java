package dev.vigil.state.accounts;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An API token, stored as the SHA-256 of its secret. */
@Entity
@Table(name = "api_tokens")
class ApiTokenEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "token_hash")
  public String tokenHash;

  public String prefix;

  @Column(name = "organization_id")
  public long organizationId;

  /** Null for an organization token. */
  @Column(name = "user_id")
  public Long userId;

  public String name;

  /** Wire names of the scopes, e.g. {@code event:read}. */
  public String[] scopes;

  @Column(name = "created_at", insertable = false, updatable = false)
  public Instant createdAt;

  @Column(name = "last_used_at")
  public Instant lastUsedAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;
}
