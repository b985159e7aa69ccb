package dev.vigil.state.releases;

import java.util.Map;

/**
 * A file of an artifact bundle: its path in the archive, the URL it is served at ({@code ~/app.min.js}),
 * its type ({@code minified_source}, {@code source_map}, {@code source}), its debug id and the source map
 * it names (from the headers), all headers as sentry-cli wrote them, and its bytes.
 */
public record BundleFile(String path, String url, String type, String debugId, String sourcemap, Map<String, String> headers, byte[] content) {}
