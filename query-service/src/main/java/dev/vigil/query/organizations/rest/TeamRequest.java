package dev.vigil.query.organizations.rest;

/** Body of {@code POST /api/v1/organizations/{org}/teams}; name defaults to the slug. */
record TeamRequest(String slug, String name) {}
