package dev.vigil.promql.engine;

/** A string result (a query that is just a string literal). */
public record StringValue(String value) implements Value {}
