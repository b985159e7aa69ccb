package dev.vigil.query.auth.rest;

/** Body of {@code POST /api/v1/auth/login}. */
record LoginRequest(String email, String password) {}
