package dev.vigil.ingest.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ingest.errors.IngestError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventPayloadsTest {

  @Test
  void readsTheTopLevelEventIdOnly() {
    assertThat(validate("{\"contexts\":{\"event_id\":\"x\"},\"event_id\":\"9EC79C33-EC99-42AB-8353-589FCB2E04DC\"}"))
        .isEqualTo("9ec79c33ec9942ab8353589fcb2e04dc");
    assertThat(validate("{\"message\":\"m\",\"extra\":{\"a\":[1,2,{}]}}")).isNull();
  }

  @Test
  void refusesWhatIsNotOneJsonObject() {
    for (String bad : new String[] {"", "[]", "\"text\"", "{\"a\":1", "{\"a\":1} {}", "{\"event_id\":\"nope\"}"}) {
      assertThatThrownBy(() -> validate(bad)).as(bad)
          .isInstanceOfSatisfying(IngestError.class, e -> assertThat(e.status()).isEqualTo(400));
    }
  }

  private static String validate(String json) {
    return EventPayloads.validate(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "event");
  }
}
