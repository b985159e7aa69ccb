package dev.vigil.promql.engine;

import java.util.List;

/** A range vector, or the result of a range query: series sorted by labels for results. */
public record Matrix(List<Series> series) implements Value {}
