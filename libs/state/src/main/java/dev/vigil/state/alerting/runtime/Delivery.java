package dev.vigil.state.alerting.runtime;

import java.time.Instant;

/** A notification claimed for sending: its channel, what to send, and how many attempts it took so far. */
public record Delivery(
    long id, long channelId, long projectId, String groupKey, String kind, String payloadJson, int attempts, Instant createdAt) {}
