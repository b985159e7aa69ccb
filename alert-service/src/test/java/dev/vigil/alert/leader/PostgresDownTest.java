package dev.vigil.alert.leader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.AlertingConfig;
import dev.vigil.alert.AlertingMetrics;
import dev.vigil.state.alerting.runtime.Leases;
import dev.vigil.testsupport.ClickHouseStack;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL unreachable: a replica cannot hold the lease, so it evaluates and dispatches nothing (no
 * alert decided without its state being stored), and renewing keeps failing quietly until PostgreSQL is
 * back, when the replica that gets the lease reloads the state from there.
 */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
@QuarkusTestResource(ClickHouseStack.class)
class PostgresDownTest {

  @Inject Vertx vertx;
  @Inject AlertingConfig config;
  @Inject AlertingMetrics metrics;

  @Test
  void aReplicaThatCannotReachPostgresDoesNotLead() throws Exception {
    Pool unreachable = Pool.newInstance(PgBuilder.pool()
        .connectingTo(new PgConnectOptions().setHost("127.0.0.1").setPort(1).setDatabase("vigil").setUser("vigil").setPassword("vigil"))
        .using(vertx)
        .build());
    try {
      LeaderElection election = new LeaderElection(new Leases(unreachable), config, metrics);
      election.renew();
      election.renew();
      assertThat(election.isLeader()).isFalse();
      assertThat(election.term()).isZero();
    } finally {
      unreachable.close().await().indefinitely();
    }
  }
}
