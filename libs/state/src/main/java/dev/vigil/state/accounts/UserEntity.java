package dev.vigil.state.accounts;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user; the email is stored lower-cased, the password only as a bcrypt hash. */
@Entity
@Table(name = "users")
class UserEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String email;

  public String name;

  /** Null for a user without a password (who cannot log in with one). */
  @Column(name = "password_hash")
  public String passwordHash;

  @Column(name = "created_at", insertable = false, updatable = false)
  public Instant createdAt;

  @Column(name = "disabled_at")
  public Instant disabledAt;

  boolean enabled() {
    return disabledAt == null;
  }
}
