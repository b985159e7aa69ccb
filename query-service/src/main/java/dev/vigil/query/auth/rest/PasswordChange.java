package dev.vigil.query.auth.rest;

/** Body of {@code POST /api/v1/auth/password}. */
record PasswordChange(String currentPassword, String newPassword) {}
