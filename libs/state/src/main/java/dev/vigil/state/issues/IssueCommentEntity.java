package dev.vigil.state.issues;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One comment on an issue. */
@Entity
@Table(name = "issue_comments")
class IssueCommentEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "issue_id")
  public long issueId;

  @Column(name = "user_id")
  public Long userId;

  @Column(name = "token_id")
  public Long tokenId;

  public String text;

  @Column(name = "created_at", updatable = false)
  public Instant createdAt;

  IssueComment toRecord() {
    return new IssueComment(id, issueId, userId, tokenId, text, createdAt);
  }
}
