package dev.vigil.query.alerting.rest;

import static dev.vigil.query.Tenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alerting.channels.Notification;
import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Tenants;
import dev.vigil.query.Tenants.Org;
import dev.vigil.query.Tenants.Session;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.ApiTokens;
import dev.vigil.state.accounts.Organizations;
import dev.vigil.state.accounts.Role;
import dev.vigil.state.accounts.Scope;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notification channels: secrets kept but never shown, settings checked per type, test notifications queued. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
class AlertChannelApiTest {

  static final String DISCORD_URL = "https://discord.com/api/webhooks/1187/hWtQxN2-private-token-k9Zr";

  @Inject Accounts accounts;
  @Inject Organizations organizations;
  @Inject ApiTokens tokens;
  @Inject Pool pool;
  @Inject ObjectMapper json;

  Tenants tenants;
  Org org;
  long project;
  Session admin;
  AlertingSeed seed;

  @BeforeEach
  void organization() {
    tenants = new Tenants(accounts, organizations, tokens);
    org = tenants.organization("channels");
    project = Tenants.project(org, "channels");
    admin = Tenants.login(tenants.member(org, Role.ADMIN));
    seed = new AlertingSeed(pool);
  }

  private String alerting(String path) {
    return "/api/v1/projects/" + project + "/alerting" + path;
  }

  static Map<String, Object> channel(String name, String type, Map<String, Object> settings) {
    Map<String, Object> c = new HashMap<>();
    c.put("name", name);
    c.put("type", type);
    c.put("settings", settings);
    return c;
  }

  private long create(Map<String, Object> body) {
    return admin.api().body(body).post(alerting("/channels")).then().statusCode(201).extract().jsonPath().getLong("id");
  }

  @Test
  void aDiscordChannelShowsItsWebhookMaskedAndKeepsItWhenEditedWithoutIt() {
    Map<String, Object> body = channel("ops", "discord", Map.of("url", DISCORD_URL));
    body.put("matchers", "{severity=~\"critical|error\", team = api}");
    String created = admin.api().body(body).post(alerting("/channels")).then().statusCode(201).extract().asString();
    assertThat(created).doesNotContain("private-token");
    JsonPath c = JsonPath.from(created);
    long id = c.getLong("id");
    assertThat(c.getString("settings.url")).isEqualTo("https://discord.com/…k9Zr");
    assertThat(c.getString("matchers")).isEqualTo("{severity=~\"critical|error\",team=\"api\"}");
    assertThat(c.getList("groupBy", String.class)).containsExactly("alertname");
    assertThat(c.getInt("groupWaitSeconds")).isEqualTo(30);
    assertThat(c.getInt("groupIntervalSeconds")).isEqualTo(300);
    assertThat(c.getInt("repeatIntervalSeconds")).isEqualTo(14400);
    assertThat(c.getBoolean("sendResolved")).isTrue();

    // The UI sends back what it read (masked URL) with its edits: the stored URL stays.
    Map<String, Object> edit = c.getMap("$");
    edit.put("name", "ops-critical");
    edit.put("groupBy", List.of("alertname", "env"));
    admin.api().body(edit).put(alerting("/channels/" + id)).then().statusCode(200).body("name", is("ops-critical"));
    assertThat(seed.storedSettings(id)).contains(DISCORD_URL);
    Map<String, Object> withoutSettings = channel("ops-critical", "discord", null);
    admin.api().body(withoutSettings).put(alerting("/channels/" + id)).then().statusCode(200);
    assertThat(seed.storedSettings(id)).contains(DISCORD_URL);

    String list = admin.api().get(alerting("/channels")).then().statusCode(200).extract().asString();
    assertThat(list).doesNotContain("private-token").contains("ops-critical");

    // Another type needs its own settings.
    admin.api().body(channel("ops-critical", "slack", null)).put(alerting("/channels/" + id))
        .then().statusCode(400).body("detail", containsString("settings.url is required"));
  }

  @Test
  void aWebhookSecretIsNeverReturnedAndKeptUntilRemoved() {
    Map<String, Object> body = channel("receiver", "webhook", Map.of("url", "http://127.0.0.1:9/alertmanager-receiver", "secret", "s3cr3t-signing-key"));
    String created = admin.api().body(body).post(alerting("/channels")).then().statusCode(201).extract().asString();
    assertThat(created).doesNotContain("s3cr3t");
    long id = JsonPath.from(created).getLong("id");
    assertThat(JsonPath.from(created).getBoolean("settings.hasSecret")).isTrue();

    admin.api().body(channel("receiver", "webhook", Map.of("url", "http://127.0.0.1:9/other"))).put(alerting("/channels/" + id))
        .then().statusCode(200).body("settings.hasSecret", is(true));
    assertThat(seed.storedSettings(id)).contains("s3cr3t-signing-key").contains("/other");

    Map<String, Object> remove = new HashMap<>();
    remove.put("secret", null);
    admin.api().body(channel("receiver", "webhook", remove)).put(alerting("/channels/" + id))
        .then().statusCode(200).body("settings.hasSecret", is(false));
    assertThat(seed.storedSettings(id)).doesNotContain("s3cr3t");
  }

  @Test
  void settingsAreCheckedPerType() {
    Map<String, Map<String, Object>> bad =
        Map.of(
            "type must be one of", channel("a", "pager", Map.of("url", "https://example.com")),
            "settings.url must be an http(s) URL", channel("b", "webhook", Map.of("url", "ftp://example.com/x")),
            "settings.url is required", channel("c", "discord", Map.of()),
            "not an email address", channel("d", "email", Map.of("to", List.of("oncall@example.com", "not-an-address"))),
            "settings.to must list", channel("e", "email", Map.of("to", List.of())));
    bad.forEach((message, body) -> admin.api().body(body).post(alerting("/channels")).then().statusCode(400).body("detail", containsString(message)));

    Map<String, Object> badMatchers = channel("f", "email", Map.of("to", List.of("oncall@example.com")));
    badMatchers.put("matchers", "{severity=~\"(critical\"}");
    admin.api().body(badMatchers).post(alerting("/channels")).then().statusCode(400).body("detail", containsString("matchers"));
    Map<String, Object> badGroupBy = channel("g", "email", Map.of("to", List.of("oncall@example.com")));
    badGroupBy.put("groupBy", List.of("...", "alertname"));
    admin.api().body(badGroupBy).post(alerting("/channels")).then().statusCode(400).body("detail", containsString("groupBy"));

    Map<String, Object> email = channel("email", "email", Map.of("to", List.of("oncall@example.com", "sre@example.com")));
    email.put("groupBy", List.of("..."));
    email.put("groupWaitSeconds", 0);
    JsonPath ok = admin.api().body(email).post(alerting("/channels")).then().statusCode(201).extract().jsonPath();
    assertThat(ok.getList("settings.to", String.class)).containsExactly("oncall@example.com", "sre@example.com");
    assertThat(ok.getList("groupBy", String.class)).containsExactly("...");
    admin.api().body(email).post(alerting("/channels")).then().statusCode(409).body("detail", containsString("\"email\""));
  }

  @Test
  void aTestNotificationIsQueuedAndShowsInTheDeliveryLog() throws Exception {
    long id = create(channel("ops", "discord", Map.of("url", DISCORD_URL)));
    long other = create(channel("dev", "slack", Map.of("url", "https://hooks.slack.com/services/T000/B000/XXXX")));

    long delivery = admin.api().post(alerting("/channels/" + id + "/test")).then().statusCode(202).extract().jsonPath().getLong("deliveryId");

    JsonPath log = admin.api().get(alerting("/deliveries?channelId=" + id)).then().statusCode(200).extract().jsonPath();
    assertThat(log.getList("id", Long.class)).containsExactly(delivery);
    assertThat(log.getString("[0].kind")).isEqualTo("test");
    assertThat(log.getString("[0].status")).isEqualTo("pending");
    assertThat(log.getString("[0].channelName")).isEqualTo("ops");
    assertThat(log.getInt("[0].firing")).isEqualTo(1);
    assertThat(admin.api().get(alerting("/deliveries?channelId=" + other)).jsonPath().getList("$")).isEmpty();
    admin.api().get(alerting("/deliveries/" + delivery)).then().statusCode(200).body("status", is("pending")).body("attempts", is(0));

    // What alert-service will render: a Notification with one firing test alert.
    var payload = json.readTree(seed.payload(delivery));
    assertThat(payload.at("/alerts/0/labels/alertname").asText()).isEqualTo("VigilTestNotification");
    assertThat(payload.at("/alerts/0/labels/severity").asText()).isEqualTo("info");
    assertThat(payload.at("/alerts/0/annotations/summary").asText()).contains("ops");
    assertThat(payload.at("/alerts/0/state").asText()).isEqualTo("FIRING");
    Notification n = json.treeToValue(payload, Notification.class);
    assertThat(n.status()).isEqualTo(Notification.FIRING);
    assertThat(n.alerts().get(0).generatorUrl()).endsWith("/projects/" + project + "/alerts");

    Session viewer = Tenants.login(tenants.member(org, Role.VIEWER));
    viewer.api().get(alerting("/deliveries")).then().statusCode(200).body("size()", is(1));
    viewer.api().post(alerting("/channels/" + id + "/test")).then().statusCode(403);
    admin.api().post(alerting("/channels/999999999/test")).then().statusCode(404);
  }

  @Test
  void viewersCannotChangeChannelsAndOtherOrganizationsDoNotSeeThem() {
    long id = create(channel("ops", "discord", Map.of("url", DISCORD_URL)));
    Session viewer = Tenants.login(tenants.member(org, Role.VIEWER));
    viewer.api().get(alerting("/channels")).then().statusCode(200).body("[0].settings.url", containsString("…"));
    viewer.api().body(channel("mine", "discord", Map.of("url", DISCORD_URL))).post(alerting("/channels")).then().statusCode(403);
    viewer.api().delete(alerting("/channels/" + id)).then().statusCode(403);

    Org otherOrg = tenants.organization("channels-other");
    String intruder = tenants.token(otherOrg.owner().id(), otherOrg, Scope.values());
    bearer(intruder).get(alerting("/channels")).then().statusCode(404);
    bearer(intruder).post(alerting("/channels/" + id + "/test")).then().statusCode(404);
    bearer(intruder).get(alerting("/deliveries")).then().statusCode(404);

    admin.api().delete(alerting("/channels/" + id)).then().statusCode(204);
    admin.api().get(alerting("/channels/" + id)).then().statusCode(404);
    JsonPath audit = Tenants.login(org.owner()).api().get("/api/v1/organizations/" + org.slug() + "/audit-log").jsonPath();
    assertThat(audit.getList("action", String.class)).contains("alerting.channel.create", "alerting.channel.delete");
  }
}
