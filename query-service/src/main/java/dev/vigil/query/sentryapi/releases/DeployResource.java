package dev.vigil.query.sentryapi.releases;

import dev.vigil.query.rest.ApiException;
import dev.vigil.state.releases.Deploys;
import dev.vigil.state.releases.NewDeploy;
import dev.vigil.state.releases.Release;
import dev.vigil.state.releases.Releases;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse;

/** Deploys of a release ({@code sentry-cli deploys new -e production}, {@code deploys list}). */
@Path("/api/0")
public class DeployResource {

  /** Sentry's environment names: at most 64 characters, no slash or line break. */
  private static final Pattern ENVIRONMENT = Pattern.compile("[^\\n\\r\\f/]{1,64}");

  private final ReleaseAccess access;
  private final Releases releases;
  private final Deploys deploys;

  DeployResource(ReleaseAccess access, Releases releases, Deploys deploys) {
    this.access = access;
    this.releases = releases;
    this.deploys = deploys;
  }

  @POST
  @Path("/organizations/{org}/releases/{version}/deploys/")
  public Uni<RestResponse<DeployJson>> create(@PathParam("org") String org, @PathParam("version") String version, DeployRequest body) {
    if (body == null || body.environment() == null || !ENVIRONMENT.matcher(body.environment()).matches()) {
      throw ApiException.badRequest("environment: a name of 1 to 64 characters without slashes or line breaks is required");
    }
    return access
        .write(org)
        .chain(o -> releases.find(o.id, version))
        .chain(r -> deploys.create(found(r).id(), new NewDeploy(body.environment(), body.name(), body.url(), body.dateStarted(), body.dateFinished())))
        .map(d -> RestResponse.status(RestResponse.Status.CREATED, DeployJson.of(d)));
  }

  @GET
  @Path("/organizations/{org}/releases/{version}/deploys/")
  public Uni<List<DeployJson>> list(@PathParam("org") String org, @PathParam("version") String version) {
    return access
        .read(org)
        .chain(o -> releases.find(o.id, version))
        .chain(r -> deploys.list(found(r).id()))
        .map(list -> list.stream().map(DeployJson::of).toList());
  }

  private static Release found(Release release) {
    if (release == null) {
      throw ApiException.notFound("The requested resource does not exist");
    }
    return release;
  }
}
