package dev.vigil.query.sentryapi.releases;

import dev.vigil.query.rest.OffEventLoop;
import dev.vigil.state.releases.ArtifactBundles;
import dev.vigil.state.releases.NewArtifactBundle;
import dev.vigil.state.releases.UploadChunks;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Turns uploaded chunks into a stored artifact bundle: joins them in order, checks the whole SHA-1,
 * unpacks the zip and stores its files. Done while the client waits (bundles are source maps, seconds
 * at most), so the first answer after the last chunk is already {@code ok} or {@code error}.
 */
@ApplicationScoped
class ArtifactBundleAssembler {

  private final UploadChunks chunks;
  private final ArtifactBundles bundles;

  ArtifactBundleAssembler(UploadChunks chunks, ArtifactBundles bundles) {
    this.chunks = chunks;
    this.bundles = bundles;
  }

  Uni<AssembleResponse> assemble(long organizationId, AssembleRequest request, List<Long> projectIds) {
    String checksum = request.checksum();
    List<String> parts = request.chunks();
    return bundles
        .linkIfPresent(organizationId, checksum, projectIds)
        .chain(
            present -> {
              if (present) {
                return Uni.createFrom().item(AssembleResponse.ok());
              }
              return chunks
                  .missing(organizationId, parts)
                  .chain(
                      missing -> {
                        if (!missing.isEmpty() || parts.isEmpty()) {
                          return Uni.createFrom().item(AssembleResponse.missing(missing));
                        }
                        return chunks.concatenate(organizationId, parts).chain(data -> store(organizationId, request, projectIds, data));
                      });
            });
  }

  private Uni<AssembleResponse> store(long organizationId, AssembleRequest request, List<Long> projectIds, byte[] data) {
    if (data == null) {
      // A chunk expired between the two reads: ask for it again.
      return chunks.missing(organizationId, request.chunks()).map(AssembleResponse::missing);
    }
    if (data.length > ChunkUploadOptions.MAX_FILE_SIZE) {
      return Uni.createFrom().item(AssembleResponse.error("the bundle is larger than maxFileSize"));
    }
    return OffEventLoop.call(() -> unpack(data, request.checksum()))
        .chain(
            unpacked -> {
              if (unpacked.error() != null) {
                return Uni.createFrom().item(AssembleResponse.error(unpacked.error()));
              }
              ArtifactBundleArchive archive = unpacked.archive();
              // The request names release and dist; the manifest's own are the fallback (sentry-cli writes both the same).
              String release = request.version() != null ? request.version() : archive.release();
              String dist = request.dist() != null ? request.dist() : archive.dist();
              NewArtifactBundle bundle =
                  new NewArtifactBundle(request.checksum(), archive.bundleId(), release, dist, projectIds, archive.files());
              return bundles
                  .store(organizationId, bundle)
                  .call(id -> chunks.delete(organizationId, request.chunks()))
                  .map(id -> AssembleResponse.ok());
            });
  }

  private record Unpacked(ArtifactBundleArchive archive, String error) {}

  private static Unpacked unpack(byte[] data, String checksum) {
    if (!ChunkUploadResource.sha1(data).equals(checksum)) {
      return new Unpacked(null, "the chunks do not add up to a file with checksum " + checksum);
    }
    try {
      return new Unpacked(ArtifactBundleArchive.read(data), null);
    } catch (ArtifactBundleArchive.InvalidBundleException e) {
      return new Unpacked(null, e.getMessage());
    }
  }
}
