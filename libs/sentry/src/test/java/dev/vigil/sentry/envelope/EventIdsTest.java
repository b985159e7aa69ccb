package dev.vigil.sentry.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventIdsTest {

  @Test
  void normalizesDashedAndUppercaseUuids() {
    assertThat(EventIds.normalize("9EC79C33-EC99-42AB-8353-589FCB2E04DC")).isEqualTo("9ec79c33ec9942ab8353589fcb2e04dc");
    assertThat(EventIds.normalize("9ec79c33ec9942ab8353589fcb2e04dc")).isEqualTo("9ec79c33ec9942ab8353589fcb2e04dc");
  }

  @Test
  void rejectsWhatIsNotAUuid() {
    assertThat(EventIds.normalize("9ec79c33ec9942ab8353589fcb2e04d")).isNull();
    assertThat(EventIds.normalize("9ec79c33-ec99-42ab-8353589fcb2e04dcx")).isNull();
    assertThat(EventIds.normalize("zzc79c33ec9942ab8353589fcb2e04dc")).isNull();
    assertThat(EventIds.normalize(null)).isNull();
  }

  @Test
  void generatesCanonicalIds() {
    String id = EventIds.generate();
    assertThat(EventIds.normalize(id)).isEqualTo(id);
  }
}
