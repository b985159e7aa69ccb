package dev.vigil.query.auth.rest;

/** Body of {@code POST /api/v1/bootstrap/owner}; name defaults to the email. */
record OwnerBootstrap(String email, String password, String name, String organization) {}
