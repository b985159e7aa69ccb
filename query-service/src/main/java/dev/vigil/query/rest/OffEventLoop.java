package dev.vigil.query.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs blocking work (ClickHouse JDBC) on a worker thread and resumes on the caller's Vert.x
 * context, so that Hibernate Reactive calls chained after it still run where their session lives.
 */
public final class OffEventLoop {

  private OffEventLoop() {}

  public static <T> Uni<T> call(Supplier<T> work) {
    Context context = Vertx.currentContext();
    if (context == null) {
      return Uni.createFrom().item(work);
    }
    return Uni.createFrom()
        .emitter(
            emitter ->
                context
                    .executeBlocking(work::get, false)
                    .onComplete(
                        result -> {
                          if (result.succeeded()) {
                            emitter.complete(result.result());
                          } else {
                            emitter.fail(result.cause());
                          }
                        }));
  }
}
