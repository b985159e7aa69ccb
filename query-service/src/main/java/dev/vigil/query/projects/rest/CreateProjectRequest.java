package dev.vigil.query.projects.rest;

/**
 * Body of {@code POST /api/v1/projects}: organization is the slug of the caller's organization (for
 * the admin token it defaults to "default" and is created on first use), name defaults to the slug.
 */
record CreateProjectRequest(String organization, String slug, String name, String platform) {}
