package dev.vigil.query.sentryapi.issues;

import dev.vigil.domain.IssueStatus;
import dev.vigil.query.rest.ApiException;

/**
 * The body of Sentry's status updates: {@code {"status": "resolved"}}, also "unresolved", "ignored"
 * and "resolvedInNextRelease". Other fields Sentry accepts (assignedTo, hasSeen...) are not supported.
 */
record StatusChange(String status) {

  /** The status a body asks for; 400 without one. */
  static IssueStatus required(StatusChange change) {
    if (change == null) {
      throw ApiException.badRequest("body must be {\"status\": \"resolved\"}, \"unresolved\" or \"ignored\"");
    }
    return change.parse();
  }

  IssueStatus parse() {
    if (status == null) {
      throw ApiException.badRequest("body must be {\"status\": \"resolved\"}, \"unresolved\" or \"ignored\"");
    }
    return switch (status) {
      case "resolved" -> IssueStatus.RESOLVED;
      case "resolvedInNextRelease" -> IssueStatus.RESOLVED_IN_NEXT_RELEASE;
      case "unresolved" -> IssueStatus.UNRESOLVED;
      case "ignored", "muted", "archived" -> IssueStatus.IGNORED;
      default -> throw ApiException.badRequest("unknown status '" + status + "': expected resolved, unresolved or ignored");
    };
  }

  /** The status as Sentry answers it after the change. */
  String sentryStatus() {
    return parse() == IssueStatus.RESOLVED_IN_NEXT_RELEASE ? "resolved" : parse().wireName();
  }
}
