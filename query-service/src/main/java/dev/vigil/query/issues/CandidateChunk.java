package dev.vigil.query.issues;

import java.util.List;

/**
 * What one round trip of an {@link IssueCandidates} scan found.
 *
 * @param kept candidates that pass every filter, in list order
 * @param lastScanned position of the last candidate read, kept or not; where the next chunk starts
 * @param exhausted no candidate comes after this chunk
 */
record CandidateChunk(List<ListedIssue> kept, ListCursor lastScanned, boolean exhausted) {}
