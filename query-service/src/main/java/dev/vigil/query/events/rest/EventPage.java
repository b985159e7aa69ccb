package dev.vigil.query.events.rest;

import java.util.List;

/** A page of events; pass {@code nextCursor} as {@code cursor} for the next one (null at the end). */
record EventPage(List<EventJson> events, String nextCursor) {}
