package dev.vigil.state.accounts;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An invitation to an organization, stored as the SHA-256 of the link's secret. */
@Entity
@Table(name = "invitations")
class InvitationEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "organization_id")
  public long organizationId;

  public String email;

  /** Wire name of the role the invitee gets. */
  public String role;

  @Column(name = "secret_hash")
  public String secretHash;

  @Column(name = "invited_by")
  public Long invitedBy;

  @Column(name = "created_at", updatable = false)
  public Instant createdAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "accepted_at")
  public Instant acceptedAt;
}
