package dev.vigil.bench.ingest;

import java.io.IOException;

/** How many distinct events of the project are stored. */
interface EventCounter {
  long count() throws IOException, InterruptedException;
}
