package dev.vigil.query.events.rest;

import java.time.Instant;
import java.util.List;

/** An event in lists: its indexed fields, without the payload. */
record EventJson(
    String eventId,
    long issueId,
    long projectId,
    Instant timestamp,
    String level,
    String platform,
    String title,
    String culprit,
    String message,
    String release,
    String environment,
    String serverName,
    String transaction,
    String traceId,
    String spanId,
    UserJson user,
    List<TagJson> tags,
    String sdkName,
    String sdkVersion) {}
