package dev.vigil.state.alerting.runtime;

/** A notification the dispatcher decided to send: queued in the same transaction as its group's new state. */
public record NewDelivery(long channelId, long projectId, String groupKey, int firing, int resolved, String payloadJson) {}
