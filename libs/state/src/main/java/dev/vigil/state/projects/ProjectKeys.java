package dev.vigil.state.projects;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/** DSN keys: lookup for the ingestion edge, creation for the management API. */
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
    ProjectKeyEntity key = new ProjectKeyEntity();
    key.projectId = projectId;
    key.publicKey = randomHex();
    key.secretKey = randomHex();
    key.label = label;
    key.active = true;
    return key.persist();
  }

  /** Adds a key to an existing project. */
  public Uni<ProjectKeyEntity> add(long projectId, String label) {
    return Panache.withTransaction(() -> create(projectId, label));
  }

  /** 32 hex characters, the shape Sentry uses for DSN keys. */
  private static String randomHex() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
