package dev.vigil.bench.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * --issues N: rewrites each captured event so that a project ends up with N distinct issues shaped like a real
 * application's. Per issue: the outermost exception's type and value and its crashing frame (function, source
 * line), or the message of a message event; grouping uses the type and the in-app frames, so each issue hashes
 * differently. Per event: a fresh event id, a timestamp within the last --spread-days, environment, release
 * (newer releases later in the window), user, server, a region tag and its own trace context. Event n < N is
 * the first event of issue n (in a scrambled order); later events fall on a skewed choice, so a few issues are
 * noisy (thousands of events) and most have a handful.
 */
final class IssueVariation {
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
