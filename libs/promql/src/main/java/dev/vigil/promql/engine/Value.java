package dev.vigil.promql.engine;

/** The result of evaluating an expression at one time, or of a whole range query. */
public sealed interface Value permits Scalar, StringValue, Vector, Matrix {}
