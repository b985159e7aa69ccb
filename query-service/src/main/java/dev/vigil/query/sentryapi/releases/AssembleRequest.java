package dev.vigil.query.sentryapi.releases;

import java.util.List;

/** {@code POST .../artifactbundle/assemble/}: the bundle's SHA-1, its chunks in order, projects, release and dist. */
record AssembleRequest(String checksum, List<String> chunks, List<String> projects, String version, String dist) {}
