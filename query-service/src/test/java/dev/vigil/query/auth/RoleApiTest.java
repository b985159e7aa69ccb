package dev.vigil.query.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.vigil.query.ClickHouseTestDatabase;
import dev.vigil.query.Seed;
import dev.vigil.query.Tenants;
import dev.vigil.query.Tenants.Org;
import dev.vigil.query.Tenants.Session;
import dev.vigil.query.Tenants.User;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.ApiTokens;
import dev.vigil.state.accounts.Organizations;
import dev.vigil.state.accounts.Role;
import dev.vigil.state.issues.IssueUpserts;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each role may do, as members logged in with the session cookie experience it. */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseTestDatabase.class)
class RoleApiTest {

  @Inject Accounts accounts;
  @Inject Organizations organizations;
  @Inject ApiTokens tokens;
  @Inject IssueUpserts upserts;
  @Inject ClickHouseStorage storage;

  Tenants tenants;
  Org org;
  long project;

  @BeforeEach
  void organization() {
    tenants = new Tenants(accounts, organizations, tokens);
    org = tenants.organization("roles");
    project = Tenants.project(org, "roles");
  }

  private Session as(Role role) {
    return Tenants.login(tenants.member(org, role));
  }

  @Test
  void viewersReadIssuesButOnlyMembersAndAboveChangeTheirStatus() {
    long issue = new Seed(upserts, storage).issue(project, "RoleError: x", "x", "error", Instant.now(), Instant.now());
    Session viewer = as(Role.VIEWER);
    Session member = as(Role.MEMBER);

    viewer.api().get("/api/v1/issues/" + issue).then().statusCode(200).body("status", is("unresolved"));
    viewer.api().get("/api/v1/projects/" + project + "/issues").then().statusCode(200);
    viewer.api().body(Map.of("status", "resolved")).put("/api/v1/issues/" + issue)
        .then().statusCode(403).body("detail", containsString("event:write"));
    viewer.api().body(Map.of("status", "resolved")).put("/api/v1/projects/" + project + "/issues?id=" + issue).then().statusCode(403);

    member.api().body(Map.of("status", "resolved")).put("/api/v1/issues/" + issue).then().statusCode(200).body("status", is("resolved"));
    member.api().body(Map.of("status", "unresolved")).put("/api/v1/projects/" + project + "/issues?id=" + issue)
        .then().statusCode(200).body("updated", is(1));
  }

  @Test
  void adminsCreateProjectsAndKeysMembersAndViewersDoNot() {
    Session admin = as(Role.ADMIN);
    JsonPath created =
        admin.api().body(Map.of("organization", org.slug(), "slug", Tenants.unique("admin-made"))).post("/api/v1/projects")
            .then().statusCode(201).extract().jsonPath();
    assertThat(created.getString("organization")).isEqualTo(org.slug());
    // With one organization, it is the default.
    admin.api().body(Map.of("slug", Tenants.unique("implicit"))).post("/api/v1/projects")
        .then().statusCode(201).body("organization", is(org.slug()));
    admin.api().post("/api/v1/projects/" + created.getLong("id") + "/keys").then().statusCode(201);
    // Only the admin token makes organizations on the fly.
    admin.api().body(Map.of("organization", Tenants.unique("new-org"), "slug", "x")).post("/api/v1/projects").then().statusCode(404);

    for (Session s : List.of(as(Role.MEMBER), as(Role.VIEWER))) {
      s.api().body(Map.of("organization", org.slug(), "slug", Tenants.unique("nope"))).post("/api/v1/projects")
          .then().statusCode(403).body("detail", containsString("project:write"));
      s.api().post("/api/v1/projects/" + project + "/keys").then().statusCode(403);
      s.api().get("/api/v1/projects/" + project).then().statusCode(200);
    }
  }

  @Test
  void usersGrantTheirTokensNoMoreThanTheyMayDo() {
    Session viewer = as(Role.VIEWER);
    String tokens = "/api/v1/organizations/" + org.slug() + "/tokens";
    viewer.api().body(Map.of("name", "ci", "scopes", List.of("event:read", "event:write"))).post(tokens)
        .then().statusCode(403).body("detail", containsString("event:write"));
    viewer.api().body(Map.of("name", "org-wide", "scopes", List.of("event:read"), "organizationToken", true)).post(tokens)
        .then().statusCode(403).body("detail", containsString("org:admin"));
    viewer.api().body(Map.of("name", "ci", "scopes", List.of("no:such"))).post(tokens).then().statusCode(400);

    JsonPath created =
        viewer.api().body(Map.of("name", "ci", "scopes", List.of("event:read"))).post(tokens).then().statusCode(201).extract().jsonPath();
    String secret = created.getString("token");
    assertThat(secret).matches("[0-9a-f]{64}");
    Tenants.bearer(secret).get("/api/v1/projects/" + project + "/issues").then().statusCode(200);

    JsonPath listed = viewer.api().get(tokens).then().statusCode(200).extract().jsonPath();
    assertThat(listed.getList("id", Long.class)).containsExactly(created.getLong("id"));
    assertThat(listed.getString("[0].token")).isNull();
    assertThat(listed.getList("[0].scopes", String.class)).containsExactly("event:read");

    Session owner = Tenants.login(org.owner());
    owner.api().body(Map.of("name", "deploys", "scopes", List.of("project:releases"), "organizationToken", true)).post(tokens)
        .then().statusCode(201).body("userId", is((Object) null));
    // The owner sees every token of the organization, and revokes the viewer's.
    assertThat(owner.api().get(tokens).jsonPath().getList("id", Long.class)).contains(created.getLong("id"));
    owner.api().delete(tokens + "/" + created.getLong("id")).then().statusCode(204);
    Tenants.bearer(secret).get("/api/v1/projects/" + project + "/issues").then().statusCode(401);
  }

  @Test
  void onlyOwnersMakeOrUnmakeOwners() {
    Session admin = as(Role.ADMIN);
    User member = tenants.member(org, Role.MEMBER);
    String members = "/api/v1/organizations/" + org.slug() + "/members/";

    admin.api().body(Map.of("role", "owner")).put(members + member.id()).then().statusCode(403);
    admin.api().body(Map.of("role", "viewer")).put(members + org.owner().id()).then().statusCode(403);
    admin.api().delete(members + org.owner().id()).then().statusCode(403);
    admin.api().body(Map.of("role", "viewer")).put(members + member.id()).then().statusCode(200).body("role", is("viewer"));
    admin.api().body(Map.of("role", "chief")).put(members + member.id()).then().statusCode(400);
    as(Role.MEMBER).api().body(Map.of("role", "admin")).put(members + member.id()).then().statusCode(403);

    Session owner = Tenants.login(org.owner());
    // The last owner cannot step down.
    owner.api().body(Map.of("role", "admin")).put(members + org.owner().id()).then().statusCode(409);
    owner.api().body(Map.of("role", "owner")).put(members + member.id()).then().statusCode(200).body("role", is("owner"));
    owner.api().body(Map.of("role", "admin")).put(members + org.owner().id()).then().statusCode(200);
    // Someone who is not a member is invited, not added.
    owner.api().body(Map.of("role", "viewer")).put(members + tenants.user("outsider").id()).then().statusCode(404);
  }

  @Test
  void removedMembersLoseAccessAtOnceAndTheirSessionsEndWithTheirLastOrganization() {
    User leaving = tenants.member(org, Role.MEMBER);
    Org other = tenants.organization("roles-other");
    long otherProject = Tenants.project(other, "roles-other");
    tenants.join(other, leaving, Role.VIEWER);
    Session session = Tenants.login(leaving);
    session.api().get("/api/v1/projects/" + project).then().statusCode(200);

    as(Role.ADMIN).api().delete("/api/v1/organizations/" + org.slug() + "/members/" + leaving.id()).then().statusCode(204);

    // Still a member elsewhere: the session goes on, without the organization that removed them.
    session.api().get("/api/v1/projects/" + project).then().statusCode(404);
    assertThat(session.api().get("/api/v1/projects").then().statusCode(200).extract().jsonPath().getList("id", Long.class))
        .containsExactly(otherProject);

    Tenants.login(other.owner()).api().delete("/api/v1/organizations/" + other.slug() + "/members/" + leaving.id())
        .then().statusCode(204);
    session.api().get("/api/v1/auth/me").then().statusCode(401);
  }

  @Test
  void invitedPeopleJoinWithTheInvitedRoleAndAreLoggedIn() {
    Session admin = as(Role.ADMIN);
    String email = Tenants.unique("invitee") + "@example.com";
    String invitations = "/api/v1/organizations/" + org.slug() + "/invitations";
    as(Role.MEMBER).api().body(Map.of("email", email, "role", "member")).post(invitations).then().statusCode(403);
    admin.api().body(Map.of("email", email, "role", "owner")).post(invitations).then().statusCode(403);

    JsonPath invitation = admin.api().body(Map.of("email", email, "role", "member")).post(invitations).then().statusCode(201).extract().jsonPath();
    String secret = invitation.getString("secret");
    assertThat(invitation.getString("inviteUrl")).endsWith("#" + secret);

    var accepted =
        given().contentType("application/json").header("X-Forwarded-For", Tenants.clientIp())
            .body(Map.of("secret", secret, "name", "Invitee", "password", Tenants.PASSWORD))
            .post("/api/v1/auth/invitations/accept");
    accepted.then().statusCode(200).body("user.email", is(email)).body("memberships[0].role", is("member"));
    String cookie = accepted.cookie(SessionCookie.NAME);
    given().cookie(SessionCookie.NAME, cookie).get("/api/v1/projects/" + project).then().statusCode(200);

    given().contentType("application/json").body(Map.of("secret", secret, "name", "Again", "password", Tenants.PASSWORD))
        .post("/api/v1/auth/invitations/accept").then().statusCode(404);
    assertThat(admin.api().get("/api/v1/organizations/" + org.slug() + "/members").jsonPath().getList("email", String.class)).contains(email);
  }

  @Test
  void theInstallationAdminInvitesButAnOrganizationTokenDoesNot() {
    String email = Tenants.unique("first-user") + "@example.com";
    String invitations = "/api/v1/organizations/" + org.slug() + "/invitations";
    String orgToken = tenants.token(null, org, dev.vigil.state.accounts.Scope.MEMBER_WRITE);
    Tenants.bearer(orgToken).contentType("application/json").body(Map.of("email", email, "role", "member"))
        .post(invitations).then().statusCode(400).body("detail", containsString("admin token"));

    JsonPath invitation = Tenants.bearer("test-admin-token").contentType("application/json")
        .body(Map.of("email", email, "role", "owner")).post(invitations).then().statusCode(201).extract().jsonPath();
    given().contentType("application/json").header("X-Forwarded-For", Tenants.clientIp())
        .body(Map.of("secret", invitation.getString("secret"), "name", "First", "password", Tenants.PASSWORD))
        .post("/api/v1/auth/invitations/accept")
        .then().statusCode(200).body("user.email", is(email)).body("memberships[0].role", is("owner"));
  }

  @Test
  void teamsOwnProjectsAndOnlyAdminsArrangeThem() {
    Session admin = as(Role.ADMIN);
    String teams = "/api/v1/organizations/" + org.slug() + "/teams";
    as(Role.MEMBER).api().body(Map.of("slug", "backend")).post(teams).then().statusCode(403);
    admin.api().body(Map.of("slug", "backend", "name", "Backend")).post(teams).then().statusCode(201).body("slug", is("backend"));
    admin.api().body(Map.of("slug", "backend")).post(teams).then().statusCode(409);
    admin.api().put(teams + "/backend/projects/" + project).then().statusCode(204);
    User member = tenants.member(org, Role.MEMBER);
    admin.api().put(teams + "/backend/members/" + member.id()).then().statusCode(204);
    admin.api().put(teams + "/nope/projects/" + project).then().statusCode(404);

    JsonPath listed = as(Role.VIEWER).api().get(teams).then().statusCode(200).extract().jsonPath();
    assertThat(listed.getList("projectIds[0]", Long.class)).containsExactly(project);
    assertThat(listed.getList("memberIds[0]", Long.class)).containsExactly(member.id());
  }

  @Test
  void theAuditLogRecordsWhoDidWhatAndOnlyOwnersReadIt() {
    User adminUser = tenants.member(org, Role.ADMIN);
    Session admin = Tenants.login(adminUser);
    User member = tenants.member(org, Role.MEMBER);
    admin.api().body(Map.of("role", "viewer")).put("/api/v1/organizations/" + org.slug() + "/members/" + member.id()).then().statusCode(200);
    admin.api().post("/api/v1/projects/" + project + "/keys").then().statusCode(201);
    String log = "/api/v1/organizations/" + org.slug() + "/audit-log";
    admin.api().get(log).then().statusCode(403);

    JsonPath entries = Tenants.login(org.owner()).api().get(log).then().statusCode(200).extract().jsonPath();
    List<String> actions = entries.getList("action", String.class);
    assertThat(actions).contains("member.role.change", "project.key.create", "project.create", "login");
    int change = actions.indexOf("member.role.change");
    assertThat(entries.getString("[" + change + "].targetId")).isEqualTo(String.valueOf(member.id()));
    assertThat(entries.getMap("[" + change + "].detail")).containsEntry("from", "member").containsEntry("to", "viewer");
    assertThat(entries.getLong("[" + change + "].actorUserId")).isEqualTo(adminUser.id());
    assertThat(entries.getString("[" + change + "].clientIp")).isEqualTo(admin.clientIp());
  }
}
