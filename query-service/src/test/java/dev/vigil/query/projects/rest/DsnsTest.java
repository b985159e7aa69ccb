package dev.vigil.query.projects.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DsnsTest {

  @Test
  void putsTheKeyInTheUserPartAndTheProjectLast() {
    assertThat(new Dsns("http://localhost:8010").dsn("abc", 3)).isEqualTo("http://abc@localhost:8010/3");
    assertThat(new Dsns("https://vigil.example.com/").dsn("abc", 3)).isEqualTo("https://abc@vigil.example.com/3");
    assertThat(new Dsns("https://example.com/vigil/").dsn("abc", 3)).isEqualTo("https://abc@example.com/vigil/3");
  }
}
