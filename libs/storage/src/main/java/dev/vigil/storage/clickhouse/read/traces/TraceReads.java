package dev.vigil.storage.clickhouse.read.traces;

import dev.vigil.storage.clickhouse.ClickHouseStorage;
import java.util.List;
import java.util.Optional;

/**
 * The read side of traces: search, one trace's spans, and the traces of an issue. Every read is
 * scoped by project and bounded in time (range, trace window, or the issue's key prefix); values
 * are bound as parameters. Calls block on the network.
 */
public final class TraceReads {

  private final SearchTraces search;
  private final SelectTraceSpans spans;
  private final SelectIssueTraces issueTraces;

  public TraceReads(ClickHouseStorage storage) {
    this.search = new SearchTraces(storage);
    this.spans = new SelectTraceSpans(storage);
    this.issueTraces = new SelectIssueTraces(storage);
  }

  /** Matching traces, newest first; at most {@code query.limit()}. */
  public List<TraceSummary> search(TraceQuery query) {
    return search.search(query);
  }

  /** The trace's spans (at most {@code maxSpans}), empty when the project has no such trace. */
  public Optional<TraceSpans> trace(long projectId, String traceId, int maxSpans) {
    return spans.select(projectId, traceId, maxSpans);
  }

  /** The distinct traces of an issue's events, most recently seen first. */
  public List<IssueTrace> issueTraces(long projectId, long issueId, int limit) {
    return issueTraces.select(projectId, issueId, limit);
  }
}
