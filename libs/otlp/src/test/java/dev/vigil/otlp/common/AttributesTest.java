package dev.vigil.otlp.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributesTest {

  @Test
  void rendersScalarsAsText() {
    assertThat(Attributes.render(AnyValue.newBuilder().setStringValue("GET").build())).isEqualTo("GET");
    assertThat(Attributes.render(AnyValue.newBuilder().setBoolValue(true).build())).isEqualTo("true");
    assertThat(Attributes.render(AnyValue.newBuilder().setIntValue(-42).build())).isEqualTo("-42");
    assertThat(Attributes.render(AnyValue.newBuilder().setDoubleValue(0.25).build())).isEqualTo("0.25");
    assertThat(Attributes.render(AnyValue.getDefaultInstance())).isEmpty();
  }

  @Test
  void rendersBytesAsBase64() {
    AnyValue bytes = AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(new byte[] {1, 2, (byte) 0xff})).build();
    assertThat(Attributes.render(bytes)).isEqualTo("AQL/");
  }

  @Test
  void rendersArraysAndMapsAsJsonWithNativeTypes() {
    AnyValue array =
        AnyValue.newBuilder()
            .setArrayValue(
                ArrayValue.newBuilder()
                    .addValues(AnyValue.newBuilder().setStringValue("a\"b"))
                    .addValues(AnyValue.newBuilder().setIntValue(7))
                    .addValues(AnyValue.newBuilder().setBoolValue(false))
                    .addValues(AnyValue.newBuilder().setDoubleValue(Double.NaN))
                    .addValues(AnyValue.getDefaultInstance()))
            .build();
    assertThat(Attributes.render(array)).isEqualTo("[\"a\\\"b\",7,false,\"NaN\",null]");

    AnyValue map =
        AnyValue.newBuilder()
            .setKvlistValue(
                KeyValueList.newBuilder()
                    .addValues(kv("reason", AnyValue.newBuilder().setStringValue("no price").build()))
                    .addValues(kv("nested", array)))
            .build();
    assertThat(Attributes.render(map))
        .isEqualTo("{\"reason\":\"no price\",\"nested\":[\"a\\\"b\",7,false,\"NaN\",null]}");
  }

  @Test
  void lastValueWinsWhenAKeyRepeats() {
    assertThat(
            Attributes.toMap(
                List.of(
                    kv("k", AnyValue.newBuilder().setStringValue("first").build()),
                    kv("k", AnyValue.newBuilder().setStringValue("second").build()))))
        .containsExactly(java.util.Map.entry("k", "second"));
  }

  private static KeyValue kv(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }
}
