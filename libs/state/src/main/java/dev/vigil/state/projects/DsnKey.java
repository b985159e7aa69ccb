package dev.vigil.state.projects;

/** What the ingestion edge needs to know about a DSN key. */
public record DsnKey(long projectId, String publicKey, String secretKey, boolean active, Integer rateLimitPerMinute) {

  static DsnKey of(ProjectKeyEntity e) {
    return new DsnKey(e.projectId, e.publicKey, e.secretKey, e.active, e.rateLimitPerMinute);
  }
}
