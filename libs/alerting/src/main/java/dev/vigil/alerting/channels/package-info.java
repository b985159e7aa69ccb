/**
 * What each notification channel receives for a flushed alert group: Discord and Slack webhook
 * payloads kept within those services' limits, Alertmanager-compatible webhook JSON with an HMAC
 * signature, and email subject/text/HTML. Rendering only; sending and retries live in alert-service.
 */
package dev.vigil.alerting.channels;
