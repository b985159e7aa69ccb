import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Drives Vigil's ingest-gateway with envelopes captured from real Sentry SDKs, then waits until query-service
 * counts every accepted event. Not a test: run it by hand, see bench/README.md.
 *
 * <p>java bench/IngestBenchmark.java --dsn DSN --query-url URL --token TOKEN [--duration 30]
 * [--max-envelopes 300000] [--concurrency 48] [--envelopes bench/envelopes] [--drain-timeout 180]
 * [--rate 0] [--issues 0 --spread-days 7 --start-at 0] [--clickhouse URL --database vigil]
 *
 * <p>With {@code --issues N} it seeds a project for the UI benchmark instead of replaying identical errors:
 * see {@link IssueVariation}.
 */
public final class IngestBenchmark {

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Dsn dsn = Dsn.parse(options.require("dsn"));
    List<Template> templates = Template.loadAll(Path.of(options.get("envelopes", "bench/envelopes")), dsn);
    int concurrency = Integer.parseInt(options.get("concurrency", "48"));
    Duration duration = Duration.ofSeconds(Long.parseLong(options.get("duration", "30")));
    long maxEnvelopes = Long.parseLong(options.get("max-envelopes", "300000"));
    Duration drainTimeout = Duration.ofSeconds(Long.parseLong(options.get("drain-timeout", "180")));
    double rate = Double.parseDouble(options.get("rate", "0"));
    int issues = Integer.parseInt(options.get("issues", "0"));
    IssueVariation variation = issues <= 0 ? null
        : new IssueVariation(templates, issues, Duration.ofDays(Long.parseLong(options.get("spread-days", "7"))));
    QueryService query = new QueryService(options.require("query-url"), options.require("token"), dsn.projectId);
    // Paging through 100,000 issues on every poll would dominate the run: count in ClickHouse when asked to.
    EventCounter counter = options.values.containsKey("clickhouse")
        ? new ClickHouseEvents(options.get("clickhouse", ""), options.get("database", "vigil"), dsn.projectId)
        : query::totalEvents;

    System.out.printf(
        "Vigil ingest benchmark: %s, project %d, %d envelope shapes (%s), concurrency %d, at most %s or %d envelopes%n",
        dsn.gatewayUrl, dsn.projectId, templates.size(),
        String.join(", ", templates.stream().map(t -> t.name).toList()), concurrency, duration, maxEnvelopes);
    if (variation != null) {
      System.out.printf("varied into %d issues, timestamps over the last %s%s%n", issues, variation.spread,
          rate > 0 ? ", at most " + rate + " envelopes/s" : "");
    }
    long baseline = counter.count();
    System.out.printf("events already in the project: %d%n", baseline);

    Load load = new Load(dsn, templates, concurrency, duration, maxEnvelopes, rate, variation);
    // Resuming an interrupted seeding: envelope numbers continue, so do the issues they create.
    load.issued.set(Long.parseLong(options.get("start-at", "0")));
    load.run();
    load.report();

    long expected = baseline + load.accepted.sum();
    Instant drainStart = Instant.now();
    long seen = baseline;
    Instant lastProgress = drainStart;
    while (seen < expected && Duration.between(drainStart, Instant.now()).compareTo(drainTimeout) < 0) {
      Thread.sleep(500);
      long now = counter.count();
      if (now != seen) {
        lastProgress = Instant.now();
        System.out.printf("  queryable: %d / %d events%n", now - baseline, expected - baseline);
      }
      seen = now;
    }
    Duration drained = Duration.between(drainStart, Instant.now());
    Duration endToEnd = Duration.between(load.started, seen >= expected ? Instant.now() : lastProgress);
    System.out.println();
    if (seen >= expected) {
      System.out.printf("all %d accepted events queryable %.1f s after the last envelope was accepted%n",
          load.accepted.sum(), drained.toMillis() / 1000.0);
    } else {
      System.out.printf("only %d of %d accepted events queryable after waiting %s%n",
          seen - baseline, load.accepted.sum(), drainTimeout);
    }
    System.out.printf("events/s through to ClickHouse (first send to last event queryable): %.0f%n",
        (seen - baseline) / (endToEnd.toMillis() / 1000.0));
    if (seen < expected) {
      System.exit(1);
    }
  }

  /** --name value pairs. */
  static final class Options {
    final Map<String, String> values = new HashMap<>();

    static Options parse(String[] args) {
      Options options = new Options();
      for (int i = 0; i + 1 < args.length; i += 2) {
        if (!args[i].startsWith("--")) {
          throw new IllegalArgumentException("expected --name value, got " + args[i]);
        }
        options.values.put(args[i].substring(2), args[i + 1]);
      }
      return options;
    }

    String get(String name, String fallback) {
      return values.getOrDefault(name, fallback);
    }

    String require(String name) {
      String value = values.get(name);
      if (value == null) {
        System.err.println("missing --" + name + "; usage: java bench/IngestBenchmark.java --dsn http://KEY@localhost:8010/1"
            + " --query-url http://localhost:8013 --token ADMIN_TOKEN [--duration 30] [--max-envelopes 300000]"
            + " [--concurrency 48] [--envelopes bench/envelopes] [--drain-timeout 180] [--rate 0]"
            + " [--issues 0 --spread-days 7 --start-at 0] [--clickhouse http://127.0.0.1:18123 --database vigil]");
        System.exit(2);
      }
      return value;
    }
  }

  /** http://KEY@host:port/PROJECT */
  record Dsn(String raw, String gatewayUrl, String publicKey, long projectId) {
    static Dsn parse(String dsn) {
      URI uri = URI.create(dsn);
      String path = uri.getPath().replaceAll("/+$", "");
      String base = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
          + path.substring(0, path.lastIndexOf('/'));
      return new Dsn(dsn, base, uri.getUserInfo().split(":")[0],
          Long.parseLong(path.substring(path.lastIndexOf('/') + 1)));
    }
  }

  /**
   * One captured envelope, rewritten for this run: the DSN and public key of the bench project, timestamps of
   * now, and a placeholder where the event id goes so that every request carries a fresh one (Vigil
   * deduplicates by event id, as Sentry does). Item lengths are recomputed after the rewrite.
   */
  static final class Template {
    private static final String MARKER = "e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0";
    private static final Pattern EVENT_ID = Pattern.compile("\"event_id\":\\s*\"([0-9a-f]{32})\"");
    private static final Pattern ISO_TIMESTAMP =
        Pattern.compile("\"(timestamp|start_timestamp|sent_at)\":\\s*\"\\d{4}-\\d\\d-\\d\\dT[^\"]+\"");
    private static final Pattern FLOAT_TIMESTAMP = Pattern.compile("\"(timestamp|start_timestamp)\":\\s*\\d+\\.?\\d*");

    final String name;
    final String sdk;
    final boolean gzip;
    /** The rewritten envelope with {@link #MARKER} where the event id goes. */
    final String text;
    private final byte[][] segments;

    private Template(String name, String sdk, boolean gzip, String text) {
      this.name = name;
      this.sdk = sdk;
      this.gzip = gzip;
      this.text = text;
      this.segments = Arrays.stream(text.split(MARKER, -1))
          .map(p -> p.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    static List<Template> loadAll(Path dir, Dsn dsn) throws IOException {
      List<Template> templates = new ArrayList<>();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".envelope")).sorted().toList()) {
          templates.add(load(file, dsn));
        }
      }
      if (templates.isEmpty()) {
        throw new IllegalStateException("no *.envelope files in " + dir);
      }
      return templates;
    }

    static Template load(Path file, Dsn dsn) throws IOException {
      String name = file.getFileName().toString().replace(".envelope", "");
      String sdk = name.substring(0, name.indexOf('-'));
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      String eventId = matchOrFail(EVENT_ID, text, file).group(1);
      String now = Instant.now().toString();
      String nowSeconds = String.format("%.3f", System.currentTimeMillis() / 1000.0);

      String[] lines = text.split("\n", 2);
      String header = lines[0]
          .replaceAll("\"dsn\":\\s*\"[^\"]*\"", "\"dsn\":\"" + dsn.raw() + "\"")
          .replaceAll("\"public_key\":\\s*\"[^\"]*\"", "\"public_key\":\"" + dsn.publicKey() + "\"");
      StringBuilder out = new StringBuilder(rewrite(header, eventId, now, nowSeconds)).append('\n');
      byte[] rest = lines.length > 1 ? lines[1].getBytes(StandardCharsets.UTF_8) : new byte[0];
      int pos = 0;
      while (pos < rest.length) {
        int headerEnd = indexOf(rest, (byte) '\n', pos);
        String itemHeader = new String(rest, pos, (headerEnd < 0 ? rest.length : headerEnd) - pos, StandardCharsets.UTF_8);
        if (itemHeader.isBlank()) {
          break;
        }
        pos = headerEnd < 0 ? rest.length : headerEnd + 1;
        Matcher length = Pattern.compile("\"length\":\\s*(\\d+)").matcher(itemHeader);
        int end = length.find() ? pos + Integer.parseInt(length.group(1)) : endOfLine(rest, pos);
        String payload = rewrite(new String(rest, pos, end - pos, StandardCharsets.UTF_8), eventId, now, nowSeconds);
        int newLength = payload.getBytes(StandardCharsets.UTF_8).length;
        String newHeader = length.reset().find()
            ? length.replaceFirst("\"length\":" + newLength)
            : itemHeader.replaceFirst("\\{", "{\"length\":" + newLength + ",");
        out.append(newHeader).append('\n').append(payload).append('\n');
        pos = Math.min(rest.length, end + 1);
      }
      return new Template(name, sdk, !"node".equals(sdk), out.toString());
    }

    private static String rewrite(String json, String eventId, String now, String nowSeconds) {
      String withId = json.replace(eventId, MARKER);
      String iso = ISO_TIMESTAMP.matcher(withId).replaceAll(m -> "\"" + m.group(1) + "\":\"" + now + "\"");
      return FLOAT_TIMESTAMP.matcher(iso).replaceAll(m -> "\"" + m.group(1) + "\":" + nowSeconds);
    }

    /** The envelope with a fresh event id, compressed the way the SDK that produced it sends it. */
    byte[] next() throws IOException {
      byte[] id = UUID.randomUUID().toString().replace("-", "").getBytes(StandardCharsets.US_ASCII);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
      try (var sink = gzip ? new GZIPOutputStream(bytes, 8192) : bytes) {
        for (int i = 0; i < segments.length; i++) {
          if (i > 0) {
            sink.write(id);
          }
          sink.write(segments[i]);
        }
      }
      return bytes.toByteArray();
    }

    /** An envelope built from this template, compressed the way the SDK that produced it sends it. */
    byte[] encode(String envelope) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
      try (var sink = gzip ? new GZIPOutputStream(bytes, 8192) : bytes) {
        sink.write(envelope.getBytes(StandardCharsets.UTF_8));
      }
      return bytes.toByteArray();
    }

    private static Matcher matchOrFail(Pattern pattern, String text, Path file) {
      Matcher matcher = pattern.matcher(text);
      if (!matcher.find()) {
        throw new IllegalStateException(file + " has no event_id");
      }
      return matcher;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
      for (int i = from; i < bytes.length; i++) {
        if (bytes[i] == b) {
          return i;
        }
      }
      return -1;
    }

    private static int endOfLine(byte[] bytes, int from) {
      int newline = indexOf(bytes, (byte) '\n', from);
      return newline < 0 ? bytes.length : newline;
    }
  }

  /** The sending phase: {@code concurrency} workers on keep-alive connections until the time or count bound. */
  static final class Load {
    final Dsn dsn;
    final List<Template> templates;
    final int concurrency;
    final Duration duration;
    final long maxEnvelopes;
    final double rate;
    final IssueVariation variation;
    final LongAdder accepted = new LongAdder();
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final AtomicLong issued = new AtomicLong();
    final long[] latencyBuckets = new long[64];
    final HttpClient http;
    Instant started;
    Instant finished;

    Load(Dsn dsn, List<Template> templates, int concurrency, Duration duration, long maxEnvelopes, double rate,
        IssueVariation variation) {
      this.dsn = dsn;
      this.rate = rate;
      this.variation = variation;
      this.templates = templates;
      this.concurrency = concurrency;
      this.duration = duration;
      this.maxEnvelopes = maxEnvelopes;
      this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
    }

    void run() throws InterruptedException {
      started = Instant.now();
      long startNanos = System.nanoTime();
      long startAt = issued.get();
      Instant deadline = started.plus(duration);
      CountDownLatch done = new CountDownLatch(concurrency);
      for (int w = 0; w < concurrency; w++) {
        Thread worker = new Thread(() -> {
          try {
            long n;
            while (Instant.now().isBefore(deadline) && (n = issued.incrementAndGet()) <= maxEnvelopes) {
              if (rate > 0) {
                // The n-th envelope is due n/rate seconds after the start: a steady, bounded rate.
                long wait = startNanos + (long) ((n - 1 - startAt) * 1e9 / rate) - System.nanoTime();
                if (wait > 0) {
                  Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
              }
              if (variation == null) {
                Template template = templates.get(ThreadLocalRandom.current().nextInt(templates.size()));
                send(template, template.next());
              } else {
                IssueVariation.Varied varied = variation.envelope(n - 1);
                send(varied.template(), varied.body());
              }
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            done.countDown();
          }
        }, "bench-" + w);
        worker.setDaemon(true);
        worker.start();
      }
      Thread progress = new Thread(() -> {
        long previous = 0;
        while (done.getCount() > 0) {
          try {
            Thread.sleep(5000);
          } catch (InterruptedException e) {
            return;
          }
          long now = accepted.sum();
          System.out.printf("  accepted %d envelopes (%d/s over the last 5 s), failures %s%n",
              now, (now - previous) / 5, failures);
          previous = now;
        }
      });
      progress.setDaemon(true);
      progress.start();
      done.await();
      finished = Instant.now();
      progress.interrupt();
    }

    private void send(Template template, byte[] body) {
      long start = System.nanoTime();
      try {
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String client = switch (template.sdk) {
          case "python" -> "sentry.python/2.75.0";
          case "java" -> "sentry.java/8.20.0";
          default -> "sentry.javascript.node/11.12.0";
        };
        if ("node".equals(template.sdk)) {
          // @sentry/node authenticates with query parameters and sends small envelopes uncompressed.
          request.uri(URI.create(dsn.gatewayUrl() + "/api/" + dsn.projectId() + "/envelope/?sentry_version=7&sentry_key="
              + dsn.publicKey() + "&sentry_client=" + URLEncoder.encode(client, StandardCharsets.UTF_8)));
        } else {
          request.uri(URI.create(dsn.gatewayUrl() + "/api/" + dsn.projectId() + "/envelope/"))
              .header("Content-Type", "application/x-sentry-envelope")
              .header("Content-Encoding", "gzip")
              .header("X-Sentry-Auth", "Sentry sentry_key=" + dsn.publicKey() + ", sentry_version=7, sentry_client=" + client);
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          accepted.increment();
        } else {
          failures.computeIfAbsent("HTTP " + response.statusCode(), k -> new LongAdder()).increment();
        }
      } catch (IOException e) {
        failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        long micros = (System.nanoTime() - start) / 1000;
        synchronized (latencyBuckets) {
          latencyBuckets[63 - Long.numberOfLeadingZeros(Math.max(1, micros))]++;
        }
      }
    }

    void report() {
      double seconds = Duration.between(started, finished).toMillis() / 1000.0;
      long failed = failures.values().stream().mapToLong(LongAdder::sum).sum();
      System.out.println();
      System.out.printf("sent %d envelopes in %.1f s: %d accepted (%.0f envelopes/s), %d failed %s%n",
          accepted.sum() + failed, seconds, accepted.sum(), accepted.sum() / seconds, failed, failures);
      System.out.printf("request latency: p50 < %s, p99 < %s, max < %s%n",
          percentile(0.50), percentile(0.99), percentile(1.0));
    }

    /** Upper bound of the power-of-two microsecond bucket holding the percentile. */
    private String percentile(double p) {
      long total = Arrays.stream(latencyBuckets).sum();
      long seen = 0;
      for (int i = 0; i < latencyBuckets.length; i++) {
        seen += latencyBuckets[i];
        if (total > 0 && seen >= Math.ceil(p * total)) {
          long micros = 1L << (i + 1);
          return micros >= 1000 ? (micros / 1000) + " ms" : micros + " µs";
        }
      }
      return "n/a";
    }
  }

  /** Counts a project's events through query-service's issue list (sum of the issues' event counts). */
  static final class QueryService {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String token;
    private final long projectId;

    QueryService(String baseUrl, String token, long projectId) {
      this.baseUrl = baseUrl.replaceAll("/+$", "");
      this.token = token;
      this.projectId = projectId;
    }

    long totalEvents() throws IOException, InterruptedException {
      long total = 0;
      String cursor = null;
      do {
        String url = baseUrl + "/api/v1/projects/" + projectId + "/issues?status=all&sort=events&limit=100"
            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
            HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        Object body = Json.parse(response.body());
        List<?> issues = body instanceof List<?> list ? list : (List<?>) ((Map<?, ?>) body).get("issues");
        for (Object issue : issues) {
          total += ((Number) ((Map<?, ?>) issue).get("count")).longValue();
        }
        Object next = body instanceof Map<?, ?> map ? map.get("nextCursor") : null;
        cursor = next == null || issues.isEmpty() ? null : next.toString();
      } while (cursor != null);
      return total;
    }
  }

  /** How many distinct events of the project are stored. */
  interface EventCounter {
    long count() throws IOException, InterruptedException;
  }

  /** Counts the project's distinct events in ClickHouse (HTTP interface): cheap however many issues there are. */
  record ClickHouseEvents(String url, String database, long projectId) implements EventCounter {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    public long count() throws IOException, InterruptedException {
      String sql = "SELECT uniqExact(event_id) FROM " + database + ".events WHERE project_id = " + projectId;
      HttpResponse<String> response = HTTP.send(
          HttpRequest.newBuilder(URI.create(url + "/?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)))
              .timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("ClickHouse answered " + response.statusCode() + ": " + response.body());
      }
      return Long.parseLong(response.body().trim());
    }
  }

  /**
   * --issues N: rewrites each captured event so that a project ends up with N distinct issues shaped like a real
   * application's. Per issue: the outermost exception's type and value and its crashing frame (function, source
   * line), or the message of a message event; grouping uses the type and the in-app frames, so each issue hashes
   * differently. Per event: a fresh event id, a timestamp within the last --spread-days, environment, release
   * (newer releases later in the window), user, server, a region tag and its own trace context. Event n < N is
   * the first event of issue n (in a scrambled order); later events fall on a skewed choice, so a few issues are
   * noisy (thousands of events) and most have a handful.
   */
  static final class IssueVariation {
    private static final String[] DOMAINS = {"Order", "Payment", "Invoice", "Cart", "Checkout", "Inventory",
        "Shipment", "Refund", "Coupon", "Catalog", "Product", "Price", "Tax", "Customer", "Account", "Session",
        "Token", "Profile", "Address", "Subscription", "Plan", "Billing", "Ledger", "Report", "Export", "Import",
        "Upload", "Image", "Thumbnail", "Search", "Index", "Recommendation", "Review", "Rating", "Notification",
        "Email", "Webhook", "Sms", "Queue", "Job", "Schedule", "Cache", "Config", "Feature", "Tenant", "Warehouse",
        "Carrier", "Label", "Quote", "Contract"};
    private static final String[] KINDS = {"Timeout", "NotFound", "Conflict", "Validation", "Permission",
        "RateLimit", "Serialization", "Deserialization", "Connection", "Integrity", "State", "Quota", "Expired",
        "Duplicate", "Lock", "Parse", "Format", "Range", "Overflow", "Unavailable", "Rejected", "Mismatch",
        "Missing", "Stale", "Corrupt", "Unsupported", "Forbidden", "Constraint", "Deadlock", "Retry", "Checksum",
        "Encoding", "Schema", "Version", "Capacity", "Circuit", "Handshake", "Signature", "Redirect", "Cancelled"};
    private static final String[] VERBS = {"load", "save", "fetch", "update", "create", "delete", "validate",
        "apply", "reserve", "release", "charge", "refund", "render", "parse", "sync", "publish", "consume",
        "schedule", "resolve", "compute", "export", "import", "notify", "merge", "archive"};
    private static final String[] NOUNS = {"order", "payment", "invoice", "cart", "item", "stock", "shipment",
        "refund", "coupon", "product", "price", "tax", "customer", "account", "session", "token", "profile",
        "address", "subscription", "plan", "ledger", "report", "batch", "upload", "image", "thumbnail", "index",
        "review", "notification", "email", "webhook", "message", "job", "schedule", "cache", "config", "tenant",
        "label", "quote", "contract"};
    private static final String[] ENVIRONMENTS = {"production", "production", "production", "staging", "development"};
    private static final String[] REGIONS = {"eu-west-1", "us-east-1", "ap-southeast-2"};
    private static final String[] TRANSACTIONS = {"POST /api/orders", "GET /api/orders/{id}", "POST /api/checkout",
        "GET /api/products", "GET /api/products/{id}", "POST /api/cart/items", "GET /api/search", "POST /api/payments",
        "GET /api/account", "POST /api/webhooks/{provider}", "tasks.send_invoice", "tasks.sync_inventory"};
    private static final int RELEASES = 8;
    /** Type and function combinations: a prime stride over them scrambles the issue order. */
    private static final long COMBINATIONS = (long) DOMAINS.length * KINDS.length * VERBS.length * NOUNS.length;

    record Varied(Template template, byte[] body) {}

    final List<Template> templates;
    final int issues;
    final Duration spread;
    final Instant end = Instant.now();

    IssueVariation(List<Template> templates, int issues, Duration spread) {
      if (issues > COMBINATIONS) {
        throw new IllegalArgumentException("at most " + COMBINATIONS + " issues");
      }
      this.templates = templates;
      this.issues = issues;
      this.spread = spread;
    }

    /** The n-th envelope (0-based): its issue, then the event's own details. */
    Varied envelope(long n) throws IOException {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      int issue = n < issues ? (int) n : (int) (issues * Math.pow(random.nextDouble(), 3));
      long identity = (issue * 7919L + 13) % COMBINATIONS;
      Template template = templates.get((int) ((identity * 31 + 7) % templates.size()));
      String[] lines = template.text.split("\n", 3);
      Map<String, Object> header = asMap(Json.parse(lines[0]));
      Map<String, Object> event = asMap(Json.parse(lines[2].strip()));
      String eventId = UUID.randomUUID().toString().replace("-", "");
      Instant timestamp = end.minusMillis((long) (random.nextDouble() * spread.toMillis()));
      int releaseIndex = (int) Math.min(RELEASES - 1, RELEASES * (1 - (double) Duration.between(timestamp, end).toMillis() / spread.toMillis()));
      String release = template.sdk + "-app@2." + releaseIndex + "." + random.nextInt(3);
      String environment = ENVIRONMENTS[random.nextInt(ENVIRONMENTS.length)];
      String traceId = UUID.randomUUID().toString().replace("-", "");

      vary(event, template.sdk, identity);
      event.put("event_id", eventId);
      event.put("timestamp", timestamp.toString());
      event.put("environment", environment);
      event.put("release", release);
      event.put("server_name", "web-" + (1 + random.nextInt(8)));
      if (event.containsKey("transaction")) {
        event.put("transaction", TRANSACTIONS[(int) (identity % TRANSACTIONS.length)]);
      }
      if (random.nextInt(5) > 0) {
        int user = (int) (20_000 * Math.pow(random.nextDouble(), 2));
        event.put("user", new LinkedHashMap<>(Map.of("id", "u" + user, "email", "user" + user + "@example.com",
            "ip_address", "10.20." + (user / 250) + "." + (user % 250))));
      } else {
        event.remove("user");
      }
      Map<String, Object> tags = event.get("tags") instanceof Map<?, ?> ? asMap(event.get("tags")) : new LinkedHashMap<>();
      tags.put("region", REGIONS[random.nextInt(REGIONS.length)]);
      event.put("tags", tags);
      Map<String, Object> contexts = event.get("contexts") instanceof Map<?, ?> ? asMap(event.get("contexts")) : new LinkedHashMap<>();
      Map<String, Object> trace = new LinkedHashMap<>();
      trace.put("trace_id", traceId);
      trace.put("span_id", traceId.substring(0, 16));
      contexts.put("trace", trace);
      event.put("contexts", contexts);

      header.put("event_id", eventId);
      header.put("sent_at", Instant.now().toString());
      if (header.get("trace") instanceof Map<?, ?>) {
        Map<String, Object> dsc = asMap(header.get("trace"));
        dsc.put("trace_id", traceId);
        dsc.put("environment", environment);
        dsc.put("release", release);
      }
      String payload = Json.write(event);
      String item = "{\"type\":\"event\",\"content_type\":\"application/json\",\"length\":"
          + payload.getBytes(StandardCharsets.UTF_8).length + "}";
      return new Varied(template, template.encode(Json.write(header) + "\n" + item + "\n" + payload + "\n"));
    }

    /** The per-issue part: exception type, value and crashing frame, or the message. */
    private static void vary(Map<String, Object> event, String sdk, long identity) {
      String domain = DOMAINS[(int) (identity % DOMAINS.length)];
      String kind = KINDS[(int) (identity / DOMAINS.length % KINDS.length)];
      String verb = VERBS[(int) (identity / DOMAINS.length / KINDS.length % VERBS.length)];
      String noun = NOUNS[(int) (identity / DOMAINS.length / KINDS.length / VERBS.length % NOUNS.length)];
      String type = domain + kind + ("java".equals(sdk) ? "Exception" : "Error");
      String words = kind.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
      String value = words + " while trying to " + verb + " " + noun + " " + (identity % 10_000);
      List<Object> exceptions = event.get("exception") instanceof Map<?, ?> wrapper && wrapper.get("values") instanceof List<?> list
          ? new ArrayList<>(list) : List.of();
      if (exceptions.isEmpty()) {
        event.put("message", "could not " + verb + " " + noun + ": " + domain.toLowerCase() + " " + words);
        return;
      }
      Map<String, Object> outermost = asMap(exceptions.get(exceptions.size() - 1));
      outermost.put("type", type);
      outermost.put("value", value);
      List<?> frames = outermost.get("stacktrace") instanceof Map<?, ?> stack && stack.get("frames") instanceof List<?> list
          ? list : List.of();
      if (frames.isEmpty()) {
        return;
      }
      Map<String, Object> crashing = asMap(frames.get(frames.size() - 1));
      String function = "python".equals(sdk) ? verb + "_" + noun : verb + Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
      crashing.put("function", function);
      crashing.put("in_app", true);
      if (crashing.containsKey("context_line")) {
        crashing.put("context_line", "python".equals(sdk)
            ? "        raise " + type + "(f\"" + words + " while trying to " + verb + " {" + noun + "_id}\")"
            : "    throw new " + type + "(`" + words + " while trying to " + verb + " ${" + noun + "Id}`);");
      }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
      return (Map<String, Object>) value;
    }
  }

  /** Just enough JSON to read query-service's answers without a dependency. */
  static final class Json {
    private final String text;
    private int pos;

    private Json(String text) {
      this.text = text;
    }

    static Object parse(String text) {
      Json json = new Json(text);
      Object value = json.value();
      json.skipWhitespace();
      if (json.pos != text.length()) {
        throw new IllegalArgumentException("trailing characters at " + json.pos);
      }
      return value;
    }

    private Object value() {
      skipWhitespace();
      char c = text.charAt(pos);
      if (c == '{') {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipWhitespace();
        if (text.charAt(pos) == '}') {
          pos++;
          return map;
        }
        do {
          skipWhitespace();
          String key = string();
          skipWhitespace();
          expect(':');
          map.put(key, value());
          skipWhitespace();
        } while (text.charAt(pos++) == ',');
        return map;
      }
      if (c == '[') {
        List<Object> list = new ArrayList<>();
        pos++;
        skipWhitespace();
        if (text.charAt(pos) == ']') {
          pos++;
          return list;
        }
        do {
          list.add(value());
          skipWhitespace();
        } while (text.charAt(pos++) == ',');
        return list;
      }
      if (c == '"') {
        return string();
      }
      if (text.startsWith("true", pos)) {
        pos += 4;
        return Boolean.TRUE;
      }
      if (text.startsWith("false", pos)) {
        pos += 5;
        return Boolean.FALSE;
      }
      if (text.startsWith("null", pos)) {
        pos += 4;
        return null;
      }
      int start = pos;
      while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
      String number = text.substring(start, pos);
      return number.matches("-?\\d+") ? (Number) Long.parseLong(number) : (Number) Double.parseDouble(number);
    }

    static String write(Object value) {
      StringBuilder out = new StringBuilder(4096);
      write(value, out);
      return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
      if (value instanceof Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          out.append(first ? "" : ",");
          first = false;
          write(entry.getKey().toString(), out);
          out.append(':');
          write(entry.getValue(), out);
        }
        out.append('}');
      } else if (value instanceof List<?> list) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          out.append(i == 0 ? "" : ",");
          write(list.get(i), out);
        }
        out.append(']');
      } else if (value instanceof String text) {
        out.append('"');
        for (char c : text.toCharArray()) {
          switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
          }
        }
        out.append('"');
      } else {
        out.append(value); // numbers, booleans, null
      }
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = text.charAt(pos++);
        if (c == '"') {
          return out.toString();
        }
        if (c == '\\') {
          char escaped = text.charAt(pos++);
          switch (escaped) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'u' -> {
              out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
              pos += 4;
            }
            default -> out.append(escaped);
          }
        } else {
          out.append(c);
        }
      }
    }

    private void expect(char c) {
      if (text.charAt(pos++) != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + (pos - 1));
      }
    }

    private void skipWhitespace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }
  }
}
