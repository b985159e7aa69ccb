package dev.vigil.processor.sourcemaps;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Exposes the symbolicator, built on the artifact bundles in PostgreSQL, to the event pipeline. */
final class SourceMapComponents {

  @Produces
  @Singleton
  SourceMapSymbolicator symbolicator(ArtifactSourceMaps maps) {
    return new SourceMapSymbolicator(maps);
  }
}
