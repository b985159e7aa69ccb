package dev.vigil.state.releases;

/** A project a release belongs to. */
public record ReleaseProject(long id, String slug, String name, String platform) {}
