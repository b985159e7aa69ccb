package dev.vigil.state.projects;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * DSN keys: lookup for the ingestion edge; creation, changes and rotation for the management API.
 *
 * <p>The edges cache keys (libs/edge ProjectKeyCache), so a disabled or rotated-out key, or a changed
 * limit, takes effect there only once the cached entry expires.
 */
@ApplicationScoped
public class ProjectKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The key with this public part, or null when there is none. */
  public Uni<DsnKey> findByPublicKey(String publicKey) {
    return Panache.withSession(
        () ->
            ProjectKeyEntity.<ProjectKeyEntity>find("publicKey", publicKey)
                .firstResult()
                .map(e -> e == null ? null : DsnKey.of(e)));
  }

  /** Keys of a project, oldest first. */
  public Uni<List<ProjectKeyEntity>> ofProject(long projectId) {
    return Panache.withSession(() -> ProjectKeyEntity.list("projectId = ?1 order by id", projectId));
  }

  /** Creates a new active key; must run inside a transaction. */
  Uni<ProjectKeyEntity> create(long projectId, String label) {
    return create(projectId, label, null, null);
  }

  /** Creates a new active key with this public part (random when null); must run inside a transaction. */
  Uni<ProjectKeyEntity> create(long projectId, String label, String publicKey) {
    return create(projectId, label, null, publicKey);
  }

  private Uni<ProjectKeyEntity> create(long projectId, String label, Integer rateLimitPerMinute, String publicKey) {
    ProjectKeyEntity key = new ProjectKeyEntity();
    key.projectId = projectId;
    key.publicKey = publicKey == null ? randomHex() : publicKey;
    key.secretKey = randomHex();
    key.label = label;
    key.active = true;
    key.rateLimitPerMinute = rateLimitPerMinute;
    // created_at is the database's default: read it back so that the API can show it.
    return key.<ProjectKeyEntity>persistAndFlush()
        .call(saved -> Panache.getSession().chain(session -> session.refresh(saved)));
  }

  /** Adds a key to an existing project. */
  public Uni<ProjectKeyEntity> add(long projectId, String label) {
    return Panache.withTransaction(() -> create(projectId, label));
  }

  /** The key of the project with this public part, or null when the project has no such key. */
  public Uni<ProjectKeyEntity> find(long projectId, String publicKey) {
    return Panache.withSession(
        () -> ProjectKeyEntity.<ProjectKeyEntity>find("projectId = ?1 and publicKey = ?2", projectId, publicKey).firstResult());
  }

  /**
   * Changes a key of the project: each non-null field of the change is applied, and a limit of
   * {@link KeyChange#clearLimit()} removes the limit. Null when the project has no such key.
   */
  public Uni<ProjectKeyEntity> update(long projectId, String publicKey, KeyChange change) {
    return Panache.withTransaction(
        () ->
            ProjectKeyEntity.<ProjectKeyEntity>find("projectId = ?1 and publicKey = ?2", projectId, publicKey)
                .firstResult()
                .map(
                    key -> {
                      if (key != null) {
                        change.applyTo(key);
                      }
                      return key;
                    }));
  }

  /**
   * Replaces a key: a new active key with the old one's label and limit, and the old key disabled in the
   * same transaction. SDKs still configured with the old DSN are refused once the edges' cached entry for
   * it expires. Null when the project has no such key.
   */
  public Uni<Rotation> rotate(long projectId, String publicKey) {
    return Panache.withTransaction(
        () ->
            ProjectKeyEntity.<ProjectKeyEntity>find("projectId = ?1 and publicKey = ?2", projectId, publicKey)
                .firstResult()
                .chain(
                    old -> {
                      if (old == null) {
                        return Uni.createFrom().nullItem();
                      }
                      old.active = false;
                      return create(projectId, old.label, old.rateLimitPerMinute, null).map(fresh -> new Rotation(old, fresh));
                    }));
  }

  /** The disabled key and the key that replaces it. */
  public record Rotation(ProjectKeyEntity replaced, ProjectKeyEntity replacement) {}

  /** 32 hex characters, the shape Sentry uses for DSN keys. */
  private static String randomHex() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
