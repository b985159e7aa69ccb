package dev.vigil.promql.ast;

import java.util.List;

/**
 * How the two sides of a vector/vector operation are matched: {@code on}/{@code ignoring} labels,
 * {@code group_left}/{@code group_right} with extra labels to copy, and the experimental
 * {@code fill}/{@code fill_left}/{@code fill_right} values (null when absent).
 */
public record VectorMatching(
    Cardinality cardinality,
    boolean on,
    List<String> matchingLabels,
    List<String> include,
    Double fillLeft,
    Double fillRight) {

  /** Which side may have several series per match group. */
  public enum Cardinality {
    ONE_TO_ONE,
    MANY_TO_ONE,
    ONE_TO_MANY,
    MANY_TO_MANY
  }

  public VectorMatching {
    matchingLabels = List.copyOf(matchingLabels);
    include = List.copyOf(include);
  }

  public static VectorMatching defaults(Cardinality cardinality) {
    return new VectorMatching(cardinality, false, List.of(), List.of(), null, null);
  }
}
