package dev.vigil.query.sentryapi.releases;

import dev.vigil.query.rest.ApiException;
import dev.vigil.query.rest.OffEventLoop;
import dev.vigil.state.releases.UploadChunks;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Sentry's chunked upload: the options, then multipart requests whose parts are chunks named by their
 * SHA-1 ({@code file}, or {@code file_gzip} gzip-compressed). Each chunk's SHA-1 is checked against its
 * name, so that assembling can trust the names.
 */
@Path("/api/0")
public class ChunkUploadResource {

  private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");

  private final ReleaseAccess access;
  private final UploadChunks chunks;

  ChunkUploadResource(ReleaseAccess access, UploadChunks chunks) {
    this.access = access;
    this.chunks = chunks;
  }

  @GET
  @Path("/organizations/{org}/chunk-upload/")
  public Uni<ChunkUploadOptions> options(@PathParam("org") String org) {
    return access.write(org).map(o -> ChunkUploadOptions.of(o.slug));
  }

  @POST
  @Path("/organizations/{org}/chunk-upload/")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Uni<RestResponse<Void>> upload(
      @PathParam("org") String org, @RestForm("file") List<FileUpload> plain, @RestForm("file_gzip") List<FileUpload> gzipped) {
    return access
        .write(org)
        .chain(o -> OffEventLoop.call(() -> verified(plain, gzipped)).chain(verified -> chunks.store(o.id, verified)))
        .map(v -> RestResponse.ok());
  }

  /** The chunks by checksum, read from the request's temporary files; 400 for a name that is not their SHA-1. */
  private static Map<String, byte[]> verified(List<FileUpload> plain, List<FileUpload> gzipped) {
    Map<String, byte[]> verified = new LinkedHashMap<>();
    int count = (plain == null ? 0 : plain.size()) + (gzipped == null ? 0 : gzipped.size());
    if (count > ChunkUploadOptions.CHUNKS_PER_REQUEST * 16) {
      throw ApiException.badRequest("too many chunks in one request");
    }
    if (plain != null) {
      plain.forEach(part -> verified.put(checksum(part), read(part, false)));
    }
    if (gzipped != null) {
      gzipped.forEach(part -> verified.put(checksum(part), read(part, true)));
    }
    verified.forEach(
        (name, data) -> {
          if (!name.equals(sha1(data))) {
            throw ApiException.badRequest("chunk " + name + " does not have that SHA-1 checksum");
          }
        });
    return verified;
  }

  private static String checksum(FileUpload part) {
    String name = part.fileName() == null ? "" : part.fileName().toLowerCase(java.util.Locale.ROOT);
    if (!SHA1.matcher(name).matches()) {
      throw ApiException.badRequest("each chunk must be named by its SHA-1 checksum, not " + part.fileName());
    }
    return name;
  }

  private static byte[] read(FileUpload part, boolean gzip) {
    try (InputStream raw = Files.newInputStream(part.uploadedFile());
        InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      byte[] data = in.readNBytes(ChunkUploadOptions.CHUNK_SIZE + 1);
      if (data.length > ChunkUploadOptions.CHUNK_SIZE) {
        throw ApiException.badRequest("chunk " + part.fileName() + " is larger than chunkSize");
      }
      return data;
    } catch (java.util.zip.ZipException e) {
      throw ApiException.badRequest("chunk " + part.fileName() + " is not valid gzip");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha1(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }
}
