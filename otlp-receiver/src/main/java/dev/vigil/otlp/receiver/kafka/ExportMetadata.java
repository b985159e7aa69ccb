package dev.vigil.otlp.receiver.kafka;

/** What travels with every record of an export in Kafka record headers (see IngestHeaders). */
public record ExportMetadata(
    long projectId, String publicKey, long receivedAtMillis, String clientAddress, String client) {}
