package dev.vigil.otlp.receiver.ingest;

/**
 * Who sent an export, as the transport saw it: the credential header's raw value (null when absent),
 * the client's address, its User-Agent, and when the request arrived.
 */
public record Caller(String credential, String clientAddress, String userAgent, long receivedAtMillis) {}
