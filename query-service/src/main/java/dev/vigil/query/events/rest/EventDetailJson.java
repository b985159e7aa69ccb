package dev.vigil.query.events.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A full event: the list fields, the normalized payload in Sentry's event schema ({@code event}),
 * and the neighbouring events of the same issue (null at either end).
 */
record EventDetailJson(
    @JsonUnwrapped EventJson summary, JsonNode event, String previousEventId, String nextEventId) {}
