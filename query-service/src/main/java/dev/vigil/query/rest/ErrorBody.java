package dev.vigil.query.rest;

/** The error body of every API failure, shaped like Sentry's. */
public record ErrorBody(String detail) {}
