package dev.vigil.ingest.kafka;

/** What travels with an envelope in Kafka record headers (see IngestHeaders). */
public record IngestMetadata(
    long projectId, String publicKey, long receivedAtMillis, String clientAddress, String client) {}
