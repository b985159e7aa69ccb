package dev.vigil.query.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bootstrap settings that cannot work stop the start with a message naming the variable. */
class FirstStartSettingsTest {

  private static final String KEY = "0123456789abcdef0123456789abcdef";

  private record Config(Optional<String> ownerEmail, Optional<String> ownerPassword, Optional<String> project,
      Optional<String> projectKey) implements BootstrapConfig {

    static Config of(String email, String password, String project, String key) {
      return new Config(Optional.ofNullable(email), Optional.ofNullable(password), Optional.ofNullable(project),
          Optional.ofNullable(key));
    }
  }

  @Test
  void createsNothingWhenNothingIsSet() {
    FirstStartSettings settings = FirstStartSettings.of(Config.of(null, null, null, null));

    assertThat(settings.owner()).isEmpty();
    assertThat(settings.project()).isEmpty();
  }

  @Test
  void takesTheOwnerAndTheProjectWithItsKey() {
    FirstStartSettings settings = FirstStartSettings.of(Config.of(" ops@example.com ", " a long passphrase ", "default", KEY));

    assertThat(settings.owner()).contains(new FirstStartSettings.Owner("ops@example.com", " a long passphrase "));
    assertThat(settings.project()).contains(new FirstStartSettings.Project("default", KEY));
    assertThat(settings.owner().orElseThrow().toString()).doesNotContain("passphrase");
  }

  @Test
  void refusesAShortPasswordWithoutPrintingIt() {
    assertThatThrownBy(() -> FirstStartSettings.of(Config.of("ops@example.com", "short1", null, null)))
        .hasMessageContaining("VIGIL_BOOTSTRAP_OWNER_PASSWORD is refused: a password needs at least 10 characters")
        .hasMessageNotContaining("short1");
  }

  @Test
  void refusesAnEmailWithoutPasswordAndAMalformedEmail() {
    assertThatThrownBy(() -> FirstStartSettings.of(Config.of("ops@example.com", null, null, null)))
        .hasMessageContaining("VIGIL_BOOTSTRAP_OWNER_EMAIL and VIGIL_BOOTSTRAP_OWNER_PASSWORD go together");
    assertThatThrownBy(() -> FirstStartSettings.of(Config.of("ops.example.com", "a long passphrase", null, null)))
        .hasMessageContaining("VIGIL_BOOTSTRAP_OWNER_EMAIL is refused: not an email address");
  }

  @Test
  void refusesAKeyThatIsNot32LowerCaseHexCharacters() {
    for (String key : new String[] {KEY.toUpperCase(), KEY.substring(1), KEY + "0", KEY.replace('a', 'g')}) {
      assertThatThrownBy(() -> FirstStartSettings.of(Config.of(null, null, "default", key)))
          .as(key)
          .hasMessageContaining("VIGIL_BOOTSTRAP_PROJECT_KEY must be 32 lower-case hex characters");
    }
  }

  @Test
  void refusesAKeyWithoutProjectAndAProjectThatIsNoSlug() {
    assertThatThrownBy(() -> FirstStartSettings.of(Config.of(null, null, null, KEY)))
        .hasMessageContaining("VIGIL_BOOTSTRAP_PROJECT_KEY is set without VIGIL_BOOTSTRAP_PROJECT");
    assertThatThrownBy(() -> FirstStartSettings.of(Config.of(null, null, "My Project", null)))
        .hasMessageContaining("VIGIL_BOOTSTRAP_PROJECT must be a slug");
  }
}
