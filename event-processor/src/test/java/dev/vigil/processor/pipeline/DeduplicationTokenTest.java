package dev.vigil.processor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeduplicationTokenTest {

  @Test
  void sameOffsetRangesGiveTheSameTokenWhateverTheOrder() {
    List<IngestRecord> batch = List.of(record(0, 10), record(0, 11), record(3, 7));
    List<IngestRecord> reordered = List.of(record(3, 7), record(0, 11), record(0, 10));

    assertThat(DeduplicationToken.of(batch)).isEqualTo(DeduplicationToken.of(reordered)).hasSize(64);
  }

  @Test
  void differentRangesGiveDifferentTokens() {
    assertThat(DeduplicationToken.of(List.of(record(0, 10), record(0, 11))))
        .isNotEqualTo(DeduplicationToken.of(List.of(record(0, 10), record(0, 12))))
        .isNotEqualTo(DeduplicationToken.of(List.of(record(1, 10), record(1, 11))));
  }

  private static IngestRecord record(int partition, long offset) {
    return new IngestRecord("vigil.ingest.events", partition, offset, 0, null, new byte[0], Map.of());
  }
}
