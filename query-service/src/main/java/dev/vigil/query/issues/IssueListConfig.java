package dev.vigil.query.issues;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much of a project the issue list may scan for one page, so its cost follows the page size, not the project. */
@ConfigMapping(prefix = "vigil.issue-list")
public interface IssueListConfig {

  /** Candidates read per round trip (raised to the page size plus one when a page is larger). */
  @WithDefault("500")
  int chunkSize();

  /**
   * Chunks scanned for one page at most; when filters reject so many candidates that the page is
   * not full by then, the page is returned short with a cursor that continues after the last
   * candidate scanned.
   */
  @WithDefault("5")
  int maxChunks();

  /**
   * With a text search: most issues matching it in one store (event messages in ClickHouse for the
   * lastSeen/firstSeen sorts, title/culprit in PostgreSQL for events/users) that are handed as ids to
   * the store that walks the list, so that a rare text is found without scanning; past it, the text
   * is common and is checked chunk by chunk instead.
   */
  @WithDefault("5000")
  int maxTextMatches();
}
