package dev.vigil.sentry.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizationRulesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "User 42 not found | User <int> not found",
        "id 1 | id <int>",
        "mail alice.smith+shop@example.co.uk failed | mail <email> failed",
        "GET https://api.example.com/v1/users?id=3 returned 502 | GET <url> returned <int>",
        "request 9f8e7d6c-5b4a-4321-8fed-cba987654321 failed | request <uuid> failed",
        "connect to 10.0.3.17:5432 refused | connect to <ip> refused",
        "peer 2001:db8::8a2e:370:7334 reset | peer <ip> reset",
        "listening on ::1 | listening on <ip>",
        "commit 3f2a1b9c8d7e6f50 missing | commit <hex> missing",
        "pointer 0x7ffd5e8c not aligned | pointer <hex> not aligned",
        "at 2025-06-12T09:41:27.351Z and 2025-06-12 | at <date> and <date>",
        "job ran at 09:41:27 | job ran at <date>",
        "took 250ms then 3.2s then 5 seconds | took <duration> then <duration> then <duration>",
        "ratio 0.75 too high | ratio <float> too high",
        "shard db-3.internal.example.com down | shard <hostname> down",
        "order_1337 failed | order_<int> failed",
        "Cache::fetch failed | Cache::fetch failed",
        "deadline exceeded | deadline exceeded",
      })
  void parameterizesVariableParts(String message, String expected) {
    assertThat(MessageParameterizer.parameterize(message)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://shop.example.com/assets/app.3f2a1b.js | app.js",
        "https://shop.example.com/assets/index-BxYz12Ab.js?v=3#x | index.js",
        "/static/js/main.8c9d2f1e.chunk.js | main.chunk.js",
        "https://cdn.example.com/lodash-4.17.21.min.js | lodash.min.js",
        "/srv/shop/shop/views.py | views.py",
        "C:\\app\\src\\Program.cs | Program.cs",
        "OrderService.java | OrderService.java",
        "test_2.py | test_2.py",
      })
  void filenamesLoseDirectoriesHashesAndVersions(String path, String expected) {
    assertThat(Filenames.basename(path)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "lambda$main$0 | lambda$main",
        "lambda$null$12 | lambda$null",
        "access$000 | access$",
        "Foo.<anonymous> | Foo",
        "async handle | handle",
        "block (2 levels) in process | block in process",
        "placeOrder | placeOrder",
      })
  void functionNamesLoseGeneratedParts(String function, String expected) {
    assertThat(FunctionNames.normalize(function)).isEqualTo(expected);
  }

  @Test
  void meaninglessFunctionNamesAreNotUsed() {
    assertThat(FunctionNames.normalize("?")).isNull();
    assertThat(FunctionNames.normalize("<anonymous>")).isNull();
    assertThat(FunctionNames.normalize("Object.<anonymous>")).isNull();
    assertThat(FunctionNames.normalize("<lambda>")).isNull();
    assertThat(FunctionNames.normalize(null)).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "com.example.Foo$$Lambda$123/0x0000000800c01234 | com.example.Foo$$Lambda",
        "com.example.Foo$$Lambda/0x000071d0c4a4f2a8 | com.example.Foo$$Lambda",
        "com.example.Foo$$EnhancerBySpringCGLIB$$4f2a9c1d | com.example.Foo",
        "com.example.Foo$$EnhancerByCGLIB$$abc | com.example.Foo",
        "com.example.Foo$$FastClassBySpringCGLIB$$e1f2 | com.example.Foo",
        "com.example.Foo$$SpringCGLIB$$0 | com.example.Foo",
        "com.sun.proxy.$Proxy123 | com.sun.proxy.$Proxy",
        "com.example.Order$HibernateProxy$T4bFz1 | com.example.Order",
        "com.example.Outer$Inner | com.example.Outer$Inner",
      })
  void generatedJvmClassNamesAreNormalized(String module, String expected) {
    assertThat(FunctionNames.normalizeClassName(module)).isEqualTo(expected);
  }
}
