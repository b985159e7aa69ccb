package dev.vigil.processor.pipeline;

/**
 * What one consumed record yields for one table (its spans, its events, its metric batch), kept with
 * the record so that the record can be dead-lettered when storage refuses those rows.
 */
public record RecordRows<T>(IngestRecord record, T rows) {}
