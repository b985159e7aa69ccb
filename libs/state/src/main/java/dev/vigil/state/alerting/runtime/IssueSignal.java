package dev.vigil.state.alerting.runtime;

import java.time.Instant;

/** An issue an error rule looks at: created or regressed at {@code at}, with what a notification shows. */
public record IssueSignal(long issueId, String title, String culprit, String level, Instant at) {}
