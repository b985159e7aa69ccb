package dev.vigil.query.auth.rest;

/** Body of {@code POST /api/v1/auth/invitations/accept}: name and password of the new user, or the existing user's password. */
record InvitationAcceptance(String secret, String name, String password) {}
