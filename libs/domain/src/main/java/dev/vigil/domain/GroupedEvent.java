package dev.vigil.domain;

/** An event assigned to an issue, with the issue-facing title and culprit computed at grouping time. */
public record GroupedEvent(long issueId, Event event, String title, String culprit) {}
