package dev.vigil.otlp.receiver.split;

/** One Kafka record to write: its key (null for none) and the OTLP protobuf bytes. */
public record KeyedRecord(String key, byte[] value) {}
