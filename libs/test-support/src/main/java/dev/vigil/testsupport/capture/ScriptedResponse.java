package dev.vigil.testsupport.capture;

import java.util.Map;

/** An answer queued for a path with {@link NotificationCaptureServer#respondWith}. */
record ScriptedResponse(int status, Map<String, String> headers, String body) {

  ScriptedResponse {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    body = body == null ? "" : body;
  }
}
