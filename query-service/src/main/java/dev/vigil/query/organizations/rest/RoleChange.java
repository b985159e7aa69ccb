package dev.vigil.query.organizations.rest;

/** Body of {@code PUT /api/v1/organizations/{org}/members/{userId}}: owner, admin, member or viewer. */
record RoleChange(String role) {}
