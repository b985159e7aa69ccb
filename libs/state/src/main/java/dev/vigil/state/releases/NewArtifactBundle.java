package dev.vigil.state.releases;

import java.util.List;

/** An assembled bundle to store: its whole SHA-1, its own id (the manifest's debug_id), release and dist if any. */
public record NewArtifactBundle(String checksum, String bundleId, String release, String dist, List<Long> projectIds, List<BundleFile> files) {}
