package dev.vigil.query.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Tenants;
import dev.vigil.query.Tenants.Org;
import dev.vigil.query.Tenants.User;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.ApiTokens;
import dev.vigil.state.accounts.Organizations;
import dev.vigil.state.accounts.Role;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the audit log shows of logins that failed and of accepted invitations, and in which organizations. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
class LoginAuditApiTest {

  @Inject Accounts accounts;
  @Inject Organizations organizations;
  @Inject ApiTokens tokens;

  Tenants tenants;
  Org first;
  Org second;

  @BeforeEach
  void organizations() {
    tenants = new Tenants(accounts, organizations, tokens);
    first = tenants.organization("audit-first");
    second = tenants.organization("audit-second");
  }

  @Test
  void aFailedLoginIsRecordedInEveryOrganizationOfTheUser() {
    User user = tenants.member(first, Role.MEMBER);
    tenants.join(second, user, Role.VIEWER);
    Org unrelated = tenants.organization("audit-unrelated");
    String ip = Tenants.clientIp();

    login(ip, user.email(), "not the password").then().statusCode(401);

    for (Org org : List.of(first, second)) {
      Map<String, Object> entry = only(auditLog(org), "login.failed");
      assertThat(entry).containsEntry("targetType", "user").containsEntry("targetId", String.valueOf(user.id()))
          .containsEntry("clientIp", ip).containsEntry("actorUserId", null).containsEntry("actorTokenId", null);
      assertThat(entry.toString()).doesNotContain("not the password");
    }
    assertThat(auditLog(unrelated).getList("action", String.class)).doesNotContain("login.failed");
  }

  @Test
  void aFailedLoginForAnUnknownEmailIsOnlyCountedInTheServiceLog() {
    String email = Tenants.unique("nobody") + "@example.com";
    String password = "a secret that must not be logged";
    List<LogRecord> records = new ArrayList<>();
    Handler handler = collectingHandler(records);
    Logger logger = Logger.getLogger("dev.vigil.query.auth.rest.Logins");
    logger.addHandler(handler);
    try {
      login(Tenants.clientIp(), email, password).then().statusCode(401);
    } finally {
      logger.removeHandler(handler);
    }

    assertThat(records).anySatisfy(r -> assertThat(r.getMessage()).contains("failed login for an email without an account"));
    for (LogRecord r : records) {
      String logged = r.getMessage() + " " + Arrays.toString(r.getParameters());
      assertThat(logged).doesNotContain(password).doesNotContain(email);
    }
  }

  @Test
  void anAcceptedInvitationIsRecordedInTheInvitingOrganizationOnly() {
    User user = tenants.member(second, Role.MEMBER);
    String secret =
        Tenants.login(first.owner()).api().body(Map.of("email", user.email(), "role", "member"))
            .post("/api/v1/organizations/" + first.slug() + "/invitations").then().statusCode(201).extract().path("secret");

    given().contentType("application/json").header("X-Forwarded-For", Tenants.clientIp())
        .body(Map.of("secret", secret, "password", Tenants.PASSWORD)).post("/api/v1/auth/invitations/accept")
        .then().statusCode(200);

    Map<String, Object> entry = only(auditLog(first), "invitation.accept");
    assertThat(entry).containsEntry("targetId", String.valueOf(user.id())).containsEntry("actorUserId", (int) user.id());
    assertThat(auditLog(second).getList("action", String.class)).doesNotContain("invitation.accept");
  }

  private static Response login(String ip, String email, String password) {
    return given().contentType("application/json").header("X-Forwarded-For", ip)
        .body(Map.of("email", email, "password", password)).post("/api/v1/auth/login");
  }

  private static JsonPath auditLog(Org org) {
    return Tenants.login(org.owner()).api().get("/api/v1/organizations/" + org.slug() + "/audit-log")
        .then().statusCode(200).extract().jsonPath();
  }

  private static Map<String, Object> only(JsonPath entries, String action) {
    List<Map<String, Object>> all = entries.getList("$");
    List<Map<String, Object>> matching = all.stream().filter(e -> action.equals(e.get("action"))).toList();
    assertThat(matching).as("entries %s", action).hasSize(1);
    return matching.get(0);
  }

  private static Handler collectingHandler(List<LogRecord> records) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (records) {
          records.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
