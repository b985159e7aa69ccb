package dev.vigil.state.dashboards;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** One dashboards row. */
@Entity
@Table(name = "dashboards")
class DashboardEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "project_id", updatable = false)
  public long projectId;

  public String title;

  // JSON text in Java, JSONB in the table; through text first, or the client stores one JSON string.
  @ColumnTransformer(read = "CAST(panels AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
  public String panels;

  public int version;

  @Column(name = "created_by", updatable = false)
  public Long createdBy;

  @Column(name = "created_at", updatable = false)
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  Dashboard toRecord() {
    return new Dashboard(id, projectId, title, panels, version, createdBy, createdAt, updatedAt);
  }
}
