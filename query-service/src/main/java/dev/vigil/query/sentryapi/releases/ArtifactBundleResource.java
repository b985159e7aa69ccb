package dev.vigil.query.sentryapi.releases;

import dev.vigil.query.rest.ApiException;
import dev.vigil.state.releases.ReleaseProject;
import dev.vigil.state.releases.Releases;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code POST /api/0/organizations/{org}/artifactbundle/assemble/}, what sentry-cli's sourcemaps upload calls after (and before) its chunks. */
@Path("/api/0")
public class ArtifactBundleResource {

  private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");

  private final ReleaseAccess access;
  private final Releases releases;
  private final ArtifactBundleAssembler assembler;

  ArtifactBundleResource(ReleaseAccess access, Releases releases, ArtifactBundleAssembler assembler) {
    this.access = access;
    this.releases = releases;
    this.assembler = assembler;
  }

  @POST
  @Path("/organizations/{org}/artifactbundle/assemble/")
  public Uni<AssembleResponse> assemble(@PathParam("org") String org, AssembleRequest body) {
    if (body == null || body.checksum() == null || !SHA1.matcher(body.checksum()).matches()) {
      throw ApiException.badRequest("checksum: a SHA-1 in lower-case hex is required");
    }
    if (body.chunks() == null || body.chunks().stream().anyMatch(c -> c == null || !SHA1.matcher(c).matches())) {
      throw ApiException.badRequest("chunks: a list of SHA-1 checksums is required");
    }
    if (body.projects() == null || body.projects().isEmpty()) {
      throw ApiException.badRequest("projects: You need to specify at least one project");
    }
    Set<String> wanted = new LinkedHashSet<>(body.projects());
    return access
        .write(org)
        .chain(
            o ->
                releases
                    .projects(o.id, wanted)
                    .chain(
                        found -> {
                          if (found.size() < wanted.size()) {
                            throw ApiException.badRequest("projects: One or more projects are invalid");
                          }
                          List<Long> ids = found.stream().map(ReleaseProject::id).toList();
                          return assembler.assemble(o.id, body, ids);
                        }));
  }
}
