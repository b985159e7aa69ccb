/**
 * Normalization of Sentry event payloads into {@link dev.vigil.domain.Event}: lenient like Relay
 * (a wrong-typed field is dropped, the event kept), strict only about the payload being a JSON object.
 */
package dev.vigil.sentry.event;
