package dev.vigil.query.issues;

import io.smallrye.mutiny.Uni;

/**
 * The issues of a list request in list order, read a chunk at a time from the store that holds the
 * sort key and checked against the other one.
 */
interface IssueCandidates {

  /** The next chunk after {@code after} (null for the first). */
  Uni<CandidateChunk> next(ListCursor after);
}
