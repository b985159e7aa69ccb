package dev.vigil.state.projects;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An organization: the unit that owns projects (and, later, members and teams). */
@Entity
@Table(name = "organizations")
public class OrganizationEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String slug;

  public String name;

  @Column(name = "created_at", insertable = false, updatable = false)
  public Instant createdAt;
}
