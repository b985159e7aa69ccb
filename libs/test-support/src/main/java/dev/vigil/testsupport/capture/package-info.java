/**
 * A local HTTP server that stands in for Discord, Slack and generic webhook receivers in tests: it
 * records every request, refuses payloads Discord or Slack would refuse, and answers as scripted
 * (for example a storm of 429s before the 204).
 */
package dev.vigil.testsupport.capture;
