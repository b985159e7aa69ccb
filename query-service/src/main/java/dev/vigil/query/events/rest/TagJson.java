package dev.vigil.query.events.rest;

/** One tag of an event, in Sentry's list form. */
record TagJson(String key, String value) {}
