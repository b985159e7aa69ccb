package dev.vigil.state.accounts;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the accounts tests share: running a service call on a Vert.x context as a caller would, raw SQL
 * to look at stored rows or move their timestamps (instead of waiting for time to pass), and unique names
 * so that concurrent test runs on the shared test database never meet.
 */
@ApplicationScoped
class AccountsFixture {

  static final String PASSWORD = "correct horse battery";

  @Inject Pool pool;
  @Inject Accounts accounts;
  @Inject Organizations organizations;

  static <T> T await(Supplier<Uni<T>> call) {
    try {
      return VertxContextSupport.subscribeAndAwait(call);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
  }

  static String email() {
    return unique("user") + "@example.com";
  }

  /** An address from the documentation range, unique per call. */
  static String clientIp() {
    String hex = UUID.randomUUID().toString().replace("-", "");
    return "2001:db8:" + hex.substring(0, 4) + ":" + hex.substring(4, 8) + "::" + hex.substring(8, 12);
  }

  Account user() {
    return await(() -> accounts.create(email(), "Test User", PASSWORD));
  }

  /** A new organization with a new owner; returns the owner's membership. */
  Membership organizationOf(Account owner) {
    return await(() -> organizations.createWithOwner(unique("org"), "Test Org", owner.userId()));
  }

  List<Row> rows(String sql, Object... params) {
    List<Row> rows = new ArrayList<>();
    pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().forEach(rows::add);
    return rows;
  }

  int update(String sql, Object... params) {
    return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().rowCount();
  }
}
