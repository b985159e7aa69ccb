package dev.vigil.promql.engine;

import java.util.List;

/** An instant vector: samples that share one evaluation time. */
public record Vector(List<Sample> samples) implements Value {}
