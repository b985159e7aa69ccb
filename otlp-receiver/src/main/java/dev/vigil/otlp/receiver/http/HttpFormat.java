package dev.vigil.otlp.receiver.http;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.vigil.otlp.receiver.ingest.Refusal;
import dev.vigil.otlp.receiver.ingest.Refusal.Kind;
import dev.vigil.otlp.receiver.json.InvalidOtlpJsonException;
import dev.vigil.otlp.receiver.json.OtlpJson;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The two OTLP/HTTP encodings; a response (or error) uses the request's. */
enum HttpFormat {
  PROTOBUF("application/x-protobuf"),
  JSON("application/json");

  final String mediaType;

  HttpFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The format of a Content-Type, or null when OTLP/HTTP does not define it. */
  static HttpFormat of(String contentType) {
    if (contentType == null) {
      return null;
    }
    String base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return switch (base) {
      case "application/x-protobuf", "application/protobuf" -> PROTOBUF;
      case "application/json" -> JSON;
      default -> null;
    };
  }

  /** The format to answer an error in: the request's, or JSON when it has none we know. */
  static HttpFormat forErrors(String contentType) {
    HttpFormat format = of(contentType);
    return format == null ? JSON : format;
  }

  <B extends Message.Builder> Message parse(byte[] body, B builder) {
    try {
      if (this == PROTOBUF) {
        return builder.mergeFrom(body).build();
      }
      return OtlpJson.merge(body, builder).build();
    } catch (InvalidProtocolBufferException e) {
      throw Refusal.of(Kind.INVALID, "invalid protobuf body: " + e.getMessage());
    } catch (InvalidOtlpJsonException e) {
      throw Refusal.of(Kind.INVALID, e.getMessage());
    }
  }

  byte[] render(Message message) {
    return this == PROTOBUF ? message.toByteArray() : OtlpJson.print(message).getBytes(StandardCharsets.UTF_8);
  }
}
