package dev.vigil.edge.encoding;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes the Content-Encodings SDKs use (gzip, x-gzip, deflate as zlib or raw, br, zstd, identity;
 * an empty value or "UTF-8", which some SDKs send, means identity). Decoding streams into a buffer
 * that stops at the limit, so a compression bomb costs at most the limit in memory, never its
 * inflated size. Failures are edge-neutral exceptions; each edge maps them to its protocol's answer.
 */
public final class ContentDecoding {

  private ContentDecoding() {}

  /**
   * The decoded body.
   *
   * @throws BodyTooLargeException when it exceeds {@code maxBytes} (decoded)
   * @throws UndecodableBodyException for an unknown coding or bytes that are not what it claims
   */
  public static byte[] decode(byte[] body, String contentEncoding, long maxBytes, String what) {
    String[] codings = contentEncoding == null ? new String[0] : contentEncoding.split(",");
    InputStream in = new ByteArrayInputStream(body);
    boolean identity = true;
    try {
      // Codings are listed in the order they were applied; undo them last to first.
      for (int i = codings.length - 1; i >= 0; i--) {
        String coding = codings[i].trim().toLowerCase(Locale.ROOT);
        InputStream decoded = decoder(coding, in);
        identity &= decoded == in;
        in = decoded;
      }
      if (identity) {
        if (body.length > maxBytes) {
          throw tooLarge(what, maxBytes);
        }
        return body;
      }
      return readAtMost(in, maxBytes, what);
    } catch (IOException e) {
      throw new UndecodableBodyException("invalid request body: cannot decode " + contentEncoding + " (" + e.getMessage() + ")");
    }
  }

  private static InputStream decoder(String coding, InputStream in) throws IOException {
    switch (coding) {
      case "", "identity", "utf-8", "utf8":
        return in;
      case "gzip", "x-gzip":
        return new GZIPInputStream(in, 8192);
      case "deflate":
        return inflater(in);
      case "br":
        Brotli4jLoader.ensureAvailability();
        return new BrotliInputStream(in);
      case "zstd":
        return new ZstdInputStream(in);
      default:
        throw new UndecodableBodyException("unsupported content encoding: " + coding);
    }
  }

  /** HTTP "deflate" is zlib-wrapped, but several clients send raw deflate; tell them apart. */
  private static InputStream inflater(InputStream in) throws IOException {
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
    return new InflaterInputStream(in, new Inflater(!zlib), 8192);
  }

  private static byte[] readAtMost(InputStream in, long maxBytes, String what) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (in) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > maxBytes) {
          throw tooLarge(what, maxBytes);
        }
        out.write(buffer, 0, n);
      }
    }
    return out.toByteArray();
  }

  private static BodyTooLargeException tooLarge(String what, long maxBytes) {
    return new BodyTooLargeException(what + " exceeded size limits: more than " + maxBytes + " bytes after decompression");
  }
}
