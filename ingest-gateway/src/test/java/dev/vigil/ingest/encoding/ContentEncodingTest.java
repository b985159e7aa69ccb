package dev.vigil.ingest.encoding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.Zstd;
import dev.vigil.ingest.Fixtures;
import dev.vigil.ingest.TestProjects;
import dev.vigil.ingest.TestProjects.TestProject;
import dev.vigil.sentry.envelope.EventIds;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class ContentEncodingTest {

  @Inject TestProjects projects;

  TestProject project;

  @BeforeEach
  void useTheClassProject() {
    project = projects.of(ContentEncodingTest.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "x-gzip", "deflate", "deflate-raw", "br", "zstd", "identity", "", "UTF-8"})
  void acceptsEveryEncodingSdksSend(String encoding) throws IOException {
    String eventId = EventIds.generate();
    byte[] envelope = Fixtures.envelope(Fixtures.PYTHON, eventId);

    given()
        .header("X-Sentry-Auth", project.auth())
        .header("Content-Encoding", encoding.equals("deflate-raw") ? "deflate" : encoding)
        .body(encode(envelope, encoding))
        .post("/api/{p}/envelope/", project.id())
        .then()
        .statusCode(200)
        .body("id", equalTo(eventId));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "br", "zstd", "compress"})
  void refusesBodiesThatAreNotWhatTheyClaim(String encoding) {
    given()
        .header("X-Sentry-Auth", project.auth())
        .header("Content-Encoding", encoding)
        .body("definitely not compressed, and long enough to not look like a header".getBytes())
        .post("/api/{p}/envelope/", project.id())
        .then()
        .statusCode(400);
  }

  static byte[] encode(byte[] data, String encoding) throws IOException {
    switch (encoding) {
      case "gzip", "x-gzip":
        return Fixtures.gzip(data);
      case "deflate", "deflate-raw":
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, encoding.equals("deflate-raw")))) {
          deflate.write(data);
        }
        return out.toByteArray();
      case "br":
        Brotli4jLoader.ensureAvailability();
        return Encoder.compress(data);
      case "zstd":
        return Zstd.compress(data);
      default:
        return data;
    }
  }
}
