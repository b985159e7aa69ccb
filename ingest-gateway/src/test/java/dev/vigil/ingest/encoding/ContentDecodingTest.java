package dev.vigil.ingest.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ingest.errors.IngestError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentDecodingTest {

  private static final byte[] TEXT = "{}\n{\"type\":\"event\"}\n{\"message\":\"hi\"}\n".repeat(50).getBytes(StandardCharsets.UTF_8);

  @Test
  void decodesEachEncodingBackToTheOriginal() throws Exception {
    for (String encoding : new String[] {"gzip", "x-gzip", "deflate", "deflate-raw", "br", "zstd"}) {
      byte[] encoded = ContentEncodingTest.encode(TEXT, encoding);
      String header = encoding.equals("deflate-raw") ? "deflate" : encoding.toUpperCase();
      assertThat(ContentDecoding.decode(encoded, header, 1 << 20, "envelope")).as(encoding).isEqualTo(TEXT);
    }
  }

  @Test
  void undoesStackedEncodingsLastFirst() throws Exception {
    byte[] twice = ContentEncodingTest.encode(ContentEncodingTest.encode(TEXT, "gzip"), "br");
    assertThat(ContentDecoding.decode(twice, "gzip, br", 1 << 20, "envelope")).isEqualTo(TEXT);
  }

  @Test
  void stopsAtTheLimitWhileDecoding() throws Exception {
    byte[] encoded = ContentEncodingTest.encode(new byte[10 * 1024 * 1024], "zstd");
    assertThatThrownBy(() -> ContentDecoding.decode(encoded, "zstd", 1024 * 1024, "envelope"))
        .isInstanceOfSatisfying(IngestError.class, e -> assertThat(e.status()).isEqualTo(413));
    assertThatThrownBy(() -> ContentDecoding.decode(TEXT, null, 10, "event"))
        .isInstanceOfSatisfying(IngestError.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  @Test
  void refusesUnknownEncodings() {
    assertThatThrownBy(() -> ContentDecoding.decode(TEXT, "compress", 1 << 20, "envelope"))
        .isInstanceOfSatisfying(IngestError.class, e -> assertThat(e.status()).isEqualTo(400));
  }
}
