package dev.vigil.ingest.envelope;

import dev.vigil.ingest.auth.SentryAuth;

/** One submission as the HTTP layer saw it; {@code auth} is null when the request carried none. */
record IngestRequest(
    String projectId,
    SentryAuth auth,
    byte[] body,
    String contentEncoding,
    String clientAddress,
    String userAgent,
    long receivedAtMillis) {}
