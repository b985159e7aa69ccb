package dev.vigil.otlp.receiver.split;

import java.util.List;

/**
 * An export request cut into Kafka records, with the items that passed validation and those
 * rejected (reported to the client through partial_success, never written).
 */
public record Split(List<KeyedRecord> records, long accepted, long rejected, String errorMessage) {}
