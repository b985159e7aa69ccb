package dev.vigil.query.projects.rest;

/** Body of {@code POST /api/v1/projects}; organization defaults to "default", name to the slug. */
record CreateProjectRequest(String organization, String slug, String name, String platform) {}
