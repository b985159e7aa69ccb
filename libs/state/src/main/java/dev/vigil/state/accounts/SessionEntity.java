package dev.vigil.state.accounts;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A login session, stored as the SHA-256 of its cookie secret. */
@Entity
@Table(name = "sessions")
class SessionEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "secret_hash")
  public String secretHash;

  @Column(name = "user_id")
  public long userId;

  @Column(name = "csrf_token")
  public String csrfToken;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "last_seen_at")
  public Instant lastSeenAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  @Column(name = "user_agent")
  public String userAgent;

  @Column(name = "client_ip")
  public String clientIp;
}
