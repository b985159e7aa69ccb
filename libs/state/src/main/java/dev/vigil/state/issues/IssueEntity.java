package dev.vigil.state.issues;

import dev.vigil.domain.Issue;
import dev.vigil.domain.IssueStatus;
import dev.vigil.domain.Level;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An issue's identity and workflow state. Rows are created by {@link IssueUpserts} (never through
 * persist), so that creation and regression are decided atomically by PostgreSQL.
 */
@Entity
@Table(name = "issues")
public class IssueEntity extends PanacheEntityBase {

  @Id public Long id;

  @Column(name = "project_id")
  public long projectId;

  @Column(name = "grouping_hash")
  public String groupingHash;

  public String title;
  public String culprit;
  public String type;
  public String level;
  public String platform;

  /** Wire name of {@link IssueStatus}. */
  public String status;

  @Column(name = "first_seen")
  public Instant firstSeen;

  @Column(name = "last_seen")
  public Instant lastSeen;

  @Column(name = "first_release")
  public String firstRelease;

  @Column(name = "last_release")
  public String lastRelease;

  @Column(name = "resolved_at")
  public Instant resolvedAt;

  @Column(name = "resolved_in_release")
  public String resolvedInRelease;

  @Column(name = "regressed_at")
  public Instant regressedAt;

  @Column(name = "grouping_config")
  public String groupingConfig;

  /** JSON array describing which parts of the event made the grouping hash. */
  @Column(name = "grouping_components")
  public String groupingComponents;

  public Issue toDomain() {
    return new Issue(
        id,
        projectId,
        groupingHash,
        title,
        culprit,
        type,
        Level.parse(level),
        platform,
        IssueStatus.fromWire(status),
        firstSeen,
        lastSeen,
        firstRelease,
        lastRelease);
  }
}
