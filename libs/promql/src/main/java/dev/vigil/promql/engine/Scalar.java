package dev.vigil.promql.engine;

/** A single float. */
public record Scalar(double value) implements Value {}
