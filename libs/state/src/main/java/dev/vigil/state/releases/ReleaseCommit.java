package dev.vigil.state.releases;

import java.time.Instant;

/** A commit of a release: sent as a list by sentry-cli, or a repository's head commit ({@code refs}). */
public record ReleaseCommit(
    String repository, String commitId, String previousCommit, String authorName, String authorEmail, String message, Instant committedAt) {}
