package dev.vigil.query.sentryapi.releases;

import java.util.List;

/**
 * What {@code GET .../chunk-upload/} tells sentry-cli: where to send chunks and how big. A request of
 * {@code chunksPerRequest} chunks stays under query-service's 10 MiB body limit; {@code accept} names
 * artifact_bundles so that clients take the artifact-bundle path (sentry-cli 3 always does).
 */
record ChunkUploadOptions(
    String url,
    int chunkSize,
    int chunksPerRequest,
    long maxFileSize,
    long maxRequestSize,
    int concurrency,
    String hashAlgorithm,
    List<String> compression,
    List<String> accept) {

  static final int CHUNK_SIZE = 2 * 1024 * 1024;
  static final int CHUNKS_PER_REQUEST = 4;
  static final long MAX_REQUEST_SIZE = 9L * 1024 * 1024;
  /** Bundles are assembled in memory and kept in PostgreSQL: a generous bound for source maps, not for debug files. */
  static final long MAX_FILE_SIZE = 100L * 1024 * 1024;

  static ChunkUploadOptions of(String organizationSlug) {
    return new ChunkUploadOptions(
        "/api/0/organizations/" + organizationSlug + "/chunk-upload/",
        CHUNK_SIZE,
        CHUNKS_PER_REQUEST,
        MAX_FILE_SIZE,
        MAX_REQUEST_SIZE,
        4,
        "sha1",
        List.of("gzip"),
        List.of("release_files", "artifact_bundles", "artifact_bundles_v2", "sources"));
  }
}
