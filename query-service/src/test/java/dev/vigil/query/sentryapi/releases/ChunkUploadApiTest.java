package dev.vigil.query.sentryapi.releases;

import static dev.vigil.query.Tenants.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import dev.vigil.query.Tenants;
import dev.vigil.query.Tenants.Org;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.ApiTokens;
import dev.vigil.state.accounts.Organizations;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.releases.ArtifactBundles;
import dev.vigil.state.releases.BundleFile;
import dev.vigil.state.releases.Releases;
import dev.vigil.state.releases.SourceUrls;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chunked upload and artifact-bundle assembly: checksums checked, missing chunks named, files stored. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
class ChunkUploadApiTest {

  @Inject Accounts accounts;
  @Inject Organizations organizations;
  @Inject ApiTokens tokens;
  @Inject ArtifactBundles bundles;
  @Inject Releases releases;

  Org org;
  String project;
  String ci;

  @BeforeEach
  void organization() {
    Tenants tenants = new Tenants(accounts, organizations, tokens);
    org = tenants.organization("chunks");
    project = ReleaseApiTest.projectSlug(org, "web");
    ci = tenants.token(null, org, Scope.PROJECT_RELEASES);
  }

  @Test
  void announcesSha1ChunksGzipAndArtifactBundles() {
    bearer(ci).get("/api/0/organizations/" + org.slug() + "/chunk-upload/").then().statusCode(200)
        .body("url", is("/api/0/organizations/" + org.slug() + "/chunk-upload/"))
        .body("hashAlgorithm", is("sha1")).body("compression", contains("gzip"))
        .body("accept", hasItem("artifact_bundles")).body("chunkSize", is(ChunkUploadOptions.CHUNK_SIZE));
  }

  @Test
  void assemblesABundleFromPlainAndGzippedChunksAndStoresItsFiles() throws IOException {
    byte[] zip = bundle("~/static/app.min.js", "console.log(1)//# sourceMappingURL=app.min.js.map");
    byte[] first = Arrays.copyOfRange(zip, 0, zip.length / 2);
    byte[] second = Arrays.copyOfRange(zip, zip.length / 2, zip.length);
    List<String> chunks = List.of(ChunkUploadResource.sha1(first), ChunkUploadResource.sha1(second));
    Map<String, Object> assemble =
        Map.of("checksum", ChunkUploadResource.sha1(zip), "chunks", chunks, "projects", List.of(project), "version", "1.0");
    String path = "/api/0/organizations/" + org.slug();

    bearer(ci).body(assemble).post(path + "/artifactbundle/assemble/").then().statusCode(200)
        .body("state", is("not_found")).body("missingChunks", is(chunks));

    multipart().multiPart("file", chunks.get(0), first).post(path + "/chunk-upload/").then().statusCode(200);
    bearer(ci).body(assemble).post(path + "/artifactbundle/assemble/").then().statusCode(200)
        .body("state", is("not_found")).body("missingChunks", contains(chunks.get(1)));
    multipart().multiPart("file_gzip", chunks.get(1), gzip(second)).post(path + "/chunk-upload/").then().statusCode(200);

    bearer(ci).body(assemble).post(path + "/artifactbundle/assemble/").then().statusCode(200)
        .body("state", is("ok")).body("missingChunks", empty());
    // Assembling again (sentry-cli polls) answers ok without the chunks.
    bearer(ci).body(assemble).post(path + "/artifactbundle/assemble/").then().statusCode(200).body("state", is("ok"));

    long projectId = await(() -> releases.projects(org.id(), List.of(project))).get(0).id();
    BundleFile file =
        await(() -> bundles.findByUrl(projectId, "1.0", null, SourceUrls.candidates("https://cdn.example.com/static/app.min.js?v=2")));
    assertThat(file.url()).isEqualTo("~/static/app.min.js");
    assertThat(file.sourcemap()).isEqualTo("app.min.js.map");
    assertThat(file.debugId()).isEqualTo("2f3e8a8c-9a7b-4c1d-8e2f-0a1b2c3d4e5f");
    assertThat(new String(file.content(), StandardCharsets.UTF_8)).startsWith("console.log(1)");
  }

  @Test
  void refusesAChunkNotNamedByItsSha1AndChunksThatDoNotMakeTheFile() throws IOException {
    byte[] data = "not a zip".getBytes(StandardCharsets.UTF_8);
    String path = "/api/0/organizations/" + org.slug();
    multipart().multiPart("file", "0000000000000000000000000000000000000000", data).post(path + "/chunk-upload/").then().statusCode(400);

    String sha1 = ChunkUploadResource.sha1(data);
    multipart().multiPart("file", sha1, data).post(path + "/chunk-upload/").then().statusCode(200);
    bearer(ci).body(Map.of("checksum", "1".repeat(40), "chunks", List.of(sha1), "projects", List.of(project)))
        .post(path + "/artifactbundle/assemble/").then().statusCode(200).body("state", is("error"));
    bearer(ci).body(Map.of("checksum", sha1, "chunks", List.of(sha1), "projects", List.of(project)))
        .post(path + "/artifactbundle/assemble/").then().statusCode(200).body("state", is("error"));
    bearer(ci).body(Map.of("checksum", sha1, "chunks", List.of(sha1), "projects", List.of("someone-elses")))
        .post(path + "/artifactbundle/assemble/").then().statusCode(400);
  }

  @Test
  void anotherOrganizationCannotUploadOrAssembleHere() {
    Org other = new Tenants(accounts, organizations, tokens).organization("intruder");
    String foreign = new Tenants(accounts, organizations, tokens).token(null, other, Scope.PROJECT_RELEASES);
    bearer(foreign).get("/api/0/organizations/" + org.slug() + "/chunk-upload/").then().statusCode(404);
    bearer(foreign).body(Map.of("checksum", "1".repeat(40), "chunks", List.of(), "projects", List.of(project)))
        .post("/api/0/organizations/" + org.slug() + "/artifactbundle/assemble/").then().statusCode(404);
  }

  private RequestSpecification multipart() {
    return given().header("Authorization", "Bearer " + ci).contentType("multipart/form-data");
  }

  /** A bundle laid out as sentry-cli writes one: manifest.json and files/_/_/... */
  private static byte[] bundle(String url, String source) throws IOException {
    String manifest =
        "{\"files\":{\"files/_/_/static/app.min.js\":{\"url\":\"" + url + "\",\"type\":\"minified_source\","
            + "\"headers\":{\"Sourcemap\":\"app.min.js.map\",\"debug-id\":\"2F3E8A8C-9A7B-4C1D-8E2F-0A1B2C3D4E5F\"}}},"
            + "\"debug_id\":\"4d9c1a5e-0000-4000-8000-000000000001\",\"org\":\"x\",\"release\":\"1.0\"}";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("manifest.json"));
      zip.write(manifest.getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("files/_/_/static/app.min.js"));
      zip.write(source.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
    try {
      return VertxContextSupport.subscribeAndAwait(work);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
