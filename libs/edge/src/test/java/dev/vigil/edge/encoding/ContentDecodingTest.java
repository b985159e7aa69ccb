package dev.vigil.edge.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ContentDecodingTest {

  private static final byte[] TEXT = "{}\n{\"type\":\"event\"}\n{\"message\":\"hi\"}\n".repeat(50).getBytes(StandardCharsets.UTF_8);

  @Test
  void decodesEachEncodingBackToTheOriginal() throws Exception {
    for (String encoding : new String[] {"gzip", "x-gzip", "deflate", "deflate-raw", "br", "zstd"}) {
      byte[] encoded = encode(TEXT, encoding);
      String header = encoding.equals("deflate-raw") ? "deflate" : encoding.toUpperCase();
      assertThat(ContentDecoding.decode(encoded, header, 1 << 20, "envelope")).as(encoding).isEqualTo(TEXT);
    }
  }

  @Test
  void treatsEmptyIdentityAndCharsetValuesAsIdentity() {
    for (String header : new String[] {null, "", "identity", "UTF-8"}) {
      assertThat(ContentDecoding.decode(TEXT, header, 1 << 20, "body")).as(header).isSameAs(TEXT);
    }
  }

  @Test
  void undoesStackedEncodingsLastFirst() throws Exception {
    byte[] twice = encode(encode(TEXT, "gzip"), "br");
    assertThat(ContentDecoding.decode(twice, "gzip, br", 1 << 20, "envelope")).isEqualTo(TEXT);
  }

  @Test
  void stopsAtTheLimitWhileDecoding() throws Exception {
    byte[] encoded = encode(new byte[10 * 1024 * 1024], "zstd");
    assertThatThrownBy(() -> ContentDecoding.decode(encoded, "zstd", 1024 * 1024, "envelope"))
        .isInstanceOf(BodyTooLargeException.class)
        .hasMessageContaining("envelope exceeded size limits");
    assertThatThrownBy(() -> ContentDecoding.decode(TEXT, null, 10, "event")).isInstanceOf(BodyTooLargeException.class);
  }

  @Test
  void refusesUnknownEncodingsAndBytesThatAreNotWhatTheyClaim() {
    assertThatThrownBy(() -> ContentDecoding.decode(TEXT, "compress", 1 << 20, "envelope"))
        .isInstanceOf(UndecodableBodyException.class)
        .hasMessageContaining("compress");
    assertThatThrownBy(() -> ContentDecoding.decode(TEXT, "gzip", 1 << 20, "envelope"))
        .isInstanceOf(UndecodableBodyException.class);
  }

  static byte[] encode(byte[] data, String encoding) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (encoding) {
      case "gzip", "x-gzip":
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
          gzip.write(data);
        }
        return out.toByteArray();
      case "deflate", "deflate-raw":
        try (DeflaterOutputStream deflate =
            new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, encoding.equals("deflate-raw")))) {
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
