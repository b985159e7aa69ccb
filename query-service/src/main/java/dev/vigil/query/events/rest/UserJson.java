package dev.vigil.query.events.rest;

/** The user an event was raised for, as far as the SDK said. */
record UserJson(String id, String email, String username, String ipAddress) {}
