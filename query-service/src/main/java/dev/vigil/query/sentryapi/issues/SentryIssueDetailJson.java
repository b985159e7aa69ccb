package dev.vigil.query.sentryapi.issues;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * An issue as Sentry's issue detail endpoint shows it: the list fields, counts over every stored
 * event, releases, tag summaries, and the empty collections (activity, participants...) Sentry has.
 */
record SentryIssueDetailJson(
    @JsonUnwrapped SentryIssueJson summary,
    Map<String, String> firstRelease,
    Map<String, String> lastRelease,
    List<Object> activity,
    List<Object> seenBy,
    List<Object> participants,
    List<Object> pluginActions,
    List<Object> pluginIssues,
    List<Object> pluginContexts,
    int userReportCount,
    List<Map<String, Object>> tags) {}
