package dev.vigil.processor.sourcemaps;

/**
 * A source map found for a minified file: the parsed map, what found it ({@code debug-id} or
 * {@code release}) and its name in the bundle (the debug id or the map's URL), kept in the frame's
 * {@code data} so a reader can tell which upload un-minified it.
 */
record LocatedMap(SourceMap map, String resolvedWith, String name) {}
