package dev.vigil.processor.sourcemaps;

/** Finds the source map of a minified file; null when none was uploaded. */
interface SourceMapFinder {

  /** By the debug id sentry-cli injected into the file and the SDK reported in {@code debug_meta}. */
  LocatedMap byDebugId(long projectId, String debugId);

  /** By the release (and dist) the event names and the file's URL or path, through the file's {@code sourceMappingURL}. */
  LocatedMap byUrl(long projectId, String release, String dist, String minifiedPath);
}
