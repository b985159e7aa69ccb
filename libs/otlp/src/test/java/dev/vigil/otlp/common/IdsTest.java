package dev.vigil.otlp.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void writesLowerCaseHex() {
    ByteString id = ByteString.copyFrom(HexFormat.of().parseHex("5B8EFFF798038103D269B633813FC60C"));
    assertThat(Ids.hex(id)).isEqualTo("5b8efff798038103d269b633813fc60c");
  }

  @Test
  void absentAndAllZeroIdsAreEmpty() {
    assertThat(Ids.hex(ByteString.EMPTY)).isEmpty();
    assertThat(Ids.hex(ByteString.copyFrom(new byte[8]))).isEmpty();
  }
}
