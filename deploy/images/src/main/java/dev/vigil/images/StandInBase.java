package dev.vigil.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes the stand-in base image that offline builds (CI, machines without a registry) put the services' images on:
 * a {@code docker save} archive with one tiny layer ({@code /tmp} and a README), no JRE and no shell.
 *
 * <p>Why a stand-in and not {@code scratch}: it makes the build go through Jib's {@code tar://} base path, and its
 * config is deliberately unlike a JRE image (user root, its own entrypoint and command, a label saying what it is)
 * so the image tests prove the services' images set user, entrypoint and command themselves instead of inheriting
 * them. Images built on it are for inspection only; real builds pull the JRE base from a registry (docs/images.md).
 *
 * <p>Uses the JDK alone so that {@code java StandInBase.java <out.tar>} runs before anything is built.
 */
public final class StandInBase {

  static final String LABEL = "dev.vigil.image.stand-in-base";
  private static final long MTIME = 1; // fixed, so the archive is byte-for-byte reproducible
  private static final String README = """
      Vigil stand-in base image (offline builds only).
      It has no JRE and no shell: images built on it cannot run. They exist so that CI, which reaches no
      container registry, can build and inspect the services' images. Real images are built on a JRE base
      pulled from a registry (vigil.image.base, see docs/images.md).
      """;

  private StandInBase() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java StandInBase.java <output.tar>");
      System.exit(2);
    }
    Path out = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(out.getParent());
    Files.write(out, archive());
    System.out.println("stand-in base image written to " + out);
  }

  /** The whole {@code docker save} archive: manifest.json, the config blob and the layer. */
  static byte[] archive() throws IOException {
    byte[] layer = layer();
    String layerDigest = sha256(layer);
    byte[] config = config(layerDigest).getBytes(StandardCharsets.UTF_8);
    String configName = sha256(config) + ".json";
    String layerName = layerDigest + "/layer.tar";
    byte[] manifest = ("[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"vigil/stand-in-base:latest\"],"
        + "\"Layers\":[\"" + layerName + "\"]}]").getBytes(StandardCharsets.UTF_8);

    TarWriter tar = new TarWriter();
    tar.file("manifest.json", 0644, manifest);
    tar.file(configName, 0644, config);
    tar.directory(layerDigest + "/", 0755);
    tar.file(layerName, 0644, layer);
    return tar.finish();
  }

  private static byte[] layer() throws IOException {
    TarWriter tar = new TarWriter();
    tar.directory("tmp/", 01777); // sticky and world-writable, as /tmp is on every base image
    tar.directory("opt/", 0755);
    tar.directory("opt/vigil-stand-in-base/", 0755);
    tar.file("opt/vigil-stand-in-base/README", 0644, README.getBytes(StandardCharsets.UTF_8));
    return tar.finish();
  }

  private static String config(String layerDigest) {
    return """
        {"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:01Z",\
        "config":{"User":"0","WorkingDir":"/",\
        "Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],\
        "Entrypoint":["/stand-in-base/has-no-entrypoint"],"Cmd":["stand-in-base-command"],\
        "Labels":{"%s":"no JRE, no shell: not runnable"}},\
        "rootfs":{"type":"layers","diff_ids":["sha256:%s"]},\
        "history":[{"created":"1970-01-01T00:00:01Z","created_by":"dev.vigil.images.StandInBase"}]}"""
        .formatted(LABEL, layerDigest);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** A minimal ustar writer: regular files and directories with short names, owned by root. */
  private static final class TarWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void directory(String name, int mode) throws IOException {
      entry(name, mode, '5', new byte[0]);
    }

    void file(String name, int mode, byte[] content) throws IOException {
      entry(name, mode, '0', content);
    }

    byte[] finish() {
      out.writeBytes(new byte[1024]); // two zero blocks end the archive
      return out.toByteArray();
    }

    private void entry(String name, int mode, char type, byte[] content) throws IOException {
      byte[] header = new byte[512];
      put(header, 0, 100, name.getBytes(StandardCharsets.US_ASCII));
      octal(header, 100, 8, mode);
      octal(header, 108, 8, 0);
      octal(header, 116, 8, 0);
      octal(header, 124, 12, content.length);
      octal(header, 136, 12, MTIME);
      header[156] = (byte) type;
      put(header, 257, 8, "ustar\u000000".getBytes(StandardCharsets.US_ASCII));
      put(header, 265, 32, "root".getBytes(StandardCharsets.US_ASCII));
      put(header, 297, 32, "root".getBytes(StandardCharsets.US_ASCII));
      java.util.Arrays.fill(header, 148, 156, (byte) ' ');
      long sum = 0;
      for (byte b : header) {
        sum += b & 0xff;
      }
      octal(header, 148, 7, sum);
      out.write(header);
      out.write(content);
      pad(out, content.length);
    }

    private static void pad(OutputStream out, int length) throws IOException {
      int rest = length % 512;
      if (rest != 0) {
        out.write(new byte[512 - rest]);
      }
    }

    private static void put(byte[] header, int offset, int size, byte[] value) {
      if (value.length > size) {
        throw new IllegalArgumentException("tar field too long: " + new String(value, StandardCharsets.US_ASCII));
      }
      System.arraycopy(value, 0, header, offset, value.length);
    }

    /** Zero-padded octal digits followed by a NUL, as ustar expects. */
    private static void octal(byte[] header, int offset, int size, long value) {
      String digits = Long.toOctalString(value);
      String padded = "0".repeat(size - 1 - digits.length()) + digits;
      put(header, offset, size, (padded + "\u0000").getBytes(StandardCharsets.US_ASCII));
    }
  }
}
