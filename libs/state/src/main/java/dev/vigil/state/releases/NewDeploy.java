package dev.vigil.state.releases;

import java.time.Instant;

/** What recording a deploy stores; dateFinished null means now. */
public record NewDeploy(String environment, String name, String url, Instant dateStarted, Instant dateFinished) {}
