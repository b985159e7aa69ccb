package dev.vigil.promql.ast;

/** The {@code @} modifier: a fixed Unix time in milliseconds, or the query's start() or end(). */
public record AtModifier(Kind kind, long timestampMillis) {

  /** Where the pinned evaluation time comes from. */
  public enum Kind {
    TIMESTAMP,
    START,
    END
  }

  public static AtModifier at(long millis) {
    return new AtModifier(Kind.TIMESTAMP, millis);
  }

  /** The evaluation time this modifier pins, given the query's start and end. */
  public long resolve(long queryStart, long queryEnd) {
    return switch (kind) {
      case TIMESTAMP -> timestampMillis;
      case START -> queryStart;
      case END -> queryEnd;
    };
  }
}
