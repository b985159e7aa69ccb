package dev.vigil.state.accounts;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * Password rules and bcrypt. A bcrypt check at cost 12 takes a quarter of a second of CPU, so it runs
 * on a worker thread and the result comes back on the caller's Vert.x context (where Hibernate Reactive
 * sessions must be used); blocking the event loop would stall every request on it.
 */
final class Passwords {

  static final int MIN_LENGTH = 10;
  /** bcrypt reads at most 72 bytes; a longer password would silently be cut. */
  static final int MAX_BYTES = 72;
  static final int COST = 12;

  /** Checked when there is no stored hash, so an unknown email costs as much time as a wrong password. */
  private static final class Dummy {
    static final String HASH = BcryptUtil.bcryptHash(Secrets.generate(), COST);
  }

  private Passwords() {}

  /** Fails with {@link WeakPasswordException} when the password breaks a rule. */
  static void requireAcceptable(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      throw new WeakPasswordException("a password needs at least " + MIN_LENGTH + " characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new WeakPasswordException("a password may have at most " + MAX_BYTES + " bytes (UTF-8)");
    }
  }

  /** The bcrypt hash of an acceptable password. */
  static Uni<String> hash(String password) {
    requireAcceptable(password);
    return offEventLoop(() -> BcryptUtil.bcryptHash(password, COST));
  }

  /**
   * Whether the password matches the hash; with a null hash (unknown or password-less user) a dummy
   * hash is checked so that the answer takes the same time, and is false.
   */
  static Uni<Boolean> matches(String password, String storedHash) {
    String candidate = password == null ? "" : password;
    boolean possible = storedHash != null && candidate.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    return offEventLoop(
        () -> {
          boolean matched = BcryptUtil.matches(candidate, storedHash == null ? Dummy.HASH : storedHash);
          return possible && matched;
        });
  }

  private static <T> Uni<T> offEventLoop(Callable<T> work) {
    Context context = Vertx.currentContext();
    if (context == null || !Context.isOnEventLoopThread()) {
      return Uni.createFrom().item(() -> call(work));
    }
    return Uni.createFrom().completionStage(() -> context.executeBlocking(work, false).toCompletionStage());
  }

  private static <T> T call(Callable<T> work) {
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
