package dev.vigil.otlp.receiver.ingest;

/** An accepted export: how many items were rejected inside it, and why (empty when none). */
public record Outcome(long rejected, String errorMessage) {}
