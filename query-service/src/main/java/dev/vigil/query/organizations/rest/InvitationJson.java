package dev.vigil.query.organizations.rest;

/** A created invitation: the link to send to the invitee, and its secret (shown once). */
record InvitationJson(long id, String email, String role, String inviteUrl, String secret) {}
