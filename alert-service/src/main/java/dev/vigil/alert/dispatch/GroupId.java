package dev.vigil.alert.dispatch;

/** A notification group: one channel's group of alerts, by its group key. */
record GroupId(long channelId, String groupKey) {}
