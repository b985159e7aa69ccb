package dev.vigil.query.projects.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds DSNs from the public URL SDKs reach the ingest-gateway at. */
@ApplicationScoped
class Dsns {

  private final URI publicUrl;

  Dsns(@ConfigProperty(name = "vigil.ingest.public-url", defaultValue = "http://localhost:8010") String publicUrl) {
    this.publicUrl = URI.create(publicUrl);
  }

  /** scheme://publicKey@host[:port][/path]/projectId, the shape every Sentry SDK parses. */
  String dsn(String publicKey, long projectId) {
    String path = publicUrl.getPath() == null ? "" : publicUrl.getPath().replaceAll("/+$", "");
    String port = publicUrl.getPort() == -1 ? "" : ":" + publicUrl.getPort();
    return publicUrl.getScheme() + "://" + publicKey + "@" + publicUrl.getHost() + port + path + "/" + projectId;
  }
}
