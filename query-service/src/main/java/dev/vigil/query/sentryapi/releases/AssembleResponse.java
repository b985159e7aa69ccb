package dev.vigil.query.sentryapi.releases;

import java.util.List;

/**
 * Sentry's answer to an assemble request: {@code not_found} with the chunks to upload, {@code ok} once
 * the bundle is stored, {@code error} with a detail.
 */
record AssembleResponse(String state, List<String> missingChunks, String detail) {

  static AssembleResponse ok() {
    return new AssembleResponse("ok", List.of(), null);
  }

  static AssembleResponse missing(List<String> chunks) {
    return new AssembleResponse("not_found", chunks, null);
  }

  static AssembleResponse error(String detail) {
    return new AssembleResponse("error", List.of(), detail);
  }
}
