package dev.vigil.query.organizations.rest;

/** Body of {@code POST /api/v1/organizations/{org}/invitations}. */
record InvitationRequest(String email, String role) {}
