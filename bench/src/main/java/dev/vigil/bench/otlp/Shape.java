package dev.vigil.bench.otlp;

import static dev.vigil.bench.otlp.AppTraces.CLIENT;
import static dev.vigil.bench.otlp.AppTraces.CONSUMER;
import static dev.vigil.bench.otlp.AppTraces.INTERNAL;
import static dev.vigil.bench.otlp.AppTraces.PRODUCER;
import static dev.vigil.bench.otlp.AppTraces.SERVER;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Builds one trace's tree from the traffic mix below, lays it out in time and maybe fails a span. */
final class Shape {
  final ThreadLocalRandom random;

  Shape(ThreadLocalRandom random) {
    this.random = random;
  }

  Node request() {
    if (random.nextInt(150) == 0) {
      return reportJob();
    }
    int pick = random.nextInt(100);
    String product = "/products/" + random.nextInt(1, 5000);
    if (pick < 15) {
      Node page = server("web-frontend", "GET", "/", "/").add(
          call("web-frontend", "catalog", "GET", "/products", "/products?featured=true", redis("catalog", "GET"), sql("catalog", "SELECT", "products")),
          call("web-frontend", "recommendations", "GET", "/recommendations", "/recommendations", redis("recommendations", "GET"),
              sql("recommendations", "SELECT", "product_views")));
      if (random.nextInt(10) < 6) {
        page.add(call("web-frontend", "users", "GET", "/users/me", "/users/me", sql("users", "SELECT", "users")));
      }
      page.parallel = true;
      return page;
    }
    if (pick < 40) {
      Node catalog = call("web-frontend", "catalog", "GET", "/products/{id}", product, redis("catalog", "GET"));
      if (random.nextInt(10) < 3) {
        catalog.children.get(0).add(sql("catalog", "SELECT", "products"), sql("catalog", "SELECT", "product_images"));
      }
      Node reviews = call("web-frontend", "reviews", "GET", "/reviews", "/reviews?product=" + product.substring(10), sql("reviews", "SELECT", "reviews"));
      for (int i = random.nextInt(6); i > 0; i--) {
        reviews.children.get(0).add(sql("reviews", "SELECT", "users"));
      }
      Node page = server("web-frontend", "GET", "/products/{id}", product)
          .add(catalog, reviews, call("web-frontend", "inventory", "GET", "/stock/{sku}", "/stock/" + product.substring(10), sql("inventory", "SELECT", "stock")));
      page.parallel = true;
      return page;
    }
    if (pick < 52) {
      return server("web-frontend", "GET", "/search", "/search").add(
          call("web-frontend", "search", "GET", "/search", "/search?q=shoes", external("search", "POST", "opensearch:9200", "/products/_search")),
          call("web-frontend", "catalog", "GET", "/products", "/products?ids=12,40,77", sql("catalog", "SELECT", "products")));
    }
    if (pick < 64) {
      return server("web-frontend", "POST", "/cart", "/cart").add(call("web-frontend", "cart", "POST", "/cart/items", "/cart/items",
          redis("cart", "HGET"), call("cart", "inventory", "GET", "/stock/{sku}", "/stock/" + product.substring(10), sql("inventory", "SELECT", "stock")),
          redis("cart", "HSET")));
    }
    if (pick < 72) {
      return server("web-frontend", "GET", "/cart", "/cart").add(call("web-frontend", "cart", "GET", "/cart", "/cart",
          redis("cart", "HGETALL"), call("cart", "catalog", "GET", "/products", "/products?ids=3,9", sql("catalog", "SELECT", "products"))));
    }
    if (pick < 80) {
      return checkout();
    }
    if (pick < 88) {
      Node orders = call("web-frontend", "orders", "GET", "/orders", "/orders?user=me", sql("orders", "SELECT", "orders"));
      for (int i = random.nextInt(3, 26); i > 0; i--) {
        orders.children.get(0).add(sql("orders", "SELECT", "order_items"));
      }
      return server("web-frontend", "GET", "/account/orders", "/account/orders")
          .add(call("web-frontend", "users", "GET", "/users/me", "/users/me", sql("users", "SELECT", "users")), orders);
    }
    if (pick < 95) {
      Node publish = publish("payments", "payment.succeeded",
          consumer("orders", "payment.succeeded").add(sql("orders", "UPDATE", "orders")));
      return server("payments", "POST", "/webhooks/stripe", "/webhooks/stripe")
          .add(sql("payments", "SELECT", "charges"), sql("payments", "UPDATE", "charges"), publish);
    }
    return server("web-frontend", "GET", "/healthz", "/healthz");
  }

  private Node checkout() {
    int items = random.nextInt(1, 7);
    Node reserve = call("checkout", "inventory", "POST", "/reservations", "/reservations");
    Node order = call("checkout", "orders", "POST", "/orders", "/orders", sql("orders", "INSERT", "orders"));
    for (int i = 0; i < items; i++) {
      reserve.children.get(0).add(sql("inventory", "UPDATE", "stock"));
      order.children.get(0).add(sql("orders", "INSERT", "order_items"));
    }
    reserve.children.get(0).add(sql("inventory", "INSERT", "reservations"));
    order.children.get(0).add(publish("orders", "order.created", consumer("notifications", "order.created")
        .add(sql("notifications", "SELECT", "users"), external("notifications", "POST", "smtp.example.com", "/send"))));
    return server("web-frontend", "POST", "/checkout", "/checkout").add(call("web-frontend", "checkout", "POST", "/checkout", "/checkout",
        call("checkout", "cart", "GET", "/cart", "/cart", redis("cart", "HGETALL")),
        reserve,
        call("checkout", "payments", "POST", "/charges", "/charges", sql("payments", "SELECT", "payment_methods"),
            external("payments", "POST", "api.stripe.com", "/v1/payment_intents"), sql("payments", "INSERT", "charges")),
        order));
  }

  private Node reportJob() {
    Node job = new Node("report-worker", "generate daily-sales report", INTERNAL, micros(2_000, 20_000));
    job.logLine = "daily-sales report generated";
    job.add(sql("report-worker", "SELECT", "orders"));
    int orders = random.nextInt(150, 700);
    for (int i = 1; i <= orders; i++) {
      job.add(sql("report-worker", "SELECT", "order_items"));
      if (i % 100 == 0) {
        job.add(new Node("report-worker", "render section", INTERNAL, micros(5_000, 40_000)));
      }
    }
    return job.add(external("report-worker", "PUT", "s3.eu-west-1.amazonaws.com", "/reports/daily-sales.pdf"),
        call("report-worker", "notifications", "POST", "/emails", "/emails", external("notifications", "POST", "smtp.example.com", "/send")));
  }

  Node server(String service, String method, String route, String path) {
    Node node = new Node(service, method + " " + route, SERVER, micros(200, 3_000))
        .attr("http.request.method", method).attr("http.route", route).attr("url.path", path.split("\\?")[0]);
    node.httpStatus = method.equals("POST") ? 201 : 200;
    node.logLine = method + " " + path;
    return node;
  }

  Node call(String from, String to, String method, String route, String path, Node... calls) {
    Node client = new Node(from, method + " " + route, CLIENT, micros(100, 800))
        .attr("http.request.method", method).attr("server.address", to).attr("url.full", "http://" + to + path);
    client.httpStatus = 200;
    return client.add(server(to, method, route, path).add(calls));
  }

  Node external(String service, String method, String host, String path) {
    Node node = new Node(service, method, CLIENT, micros(20_000, 400_000))
        .attr("http.request.method", method).attr("server.address", host).attr("url.full", "https://" + host + path);
    node.httpStatus = 200;
    return node;
  }

  Node sql(String service, String operation, String table) {
    // One query in a hundred is slow: lock waits, cold caches.
    long self = random.nextInt(100) == 0 ? micros(200_000, 2_000_000) : micros(300, 6_000);
    String text = switch (operation) {
      case "SELECT" -> "SELECT * FROM " + table + " WHERE id = $1";
      case "INSERT" -> "INSERT INTO " + table + " VALUES ($1, $2, $3)";
      default -> operation + " " + table + " SET updated_at = now() WHERE id = $1";
    };
    return new Node(service, operation + " shop." + table, CLIENT, self).attr("db.system.name", "postgresql")
        .attr("db.operation.name", operation).attr("db.collection.name", table).attr("db.query.text", text)
        .attr("server.address", "postgres");
  }

  Node redis(String service, String command) {
    return new Node(service, command, CLIENT, micros(80, 900)).attr("db.system.name", "redis")
        .attr("db.operation.name", command).attr("server.address", "redis");
  }

  Node publish(String service, String topic, Node consumer) {
    Node node = new Node(service, "publish " + topic, PRODUCER, micros(300, 3_000))
        .attr("messaging.system", "kafka").attr("messaging.destination.name", topic);
    node.followUp = consumer;
    return node;
  }

  Node consumer(String service, String topic) {
    Node node = new Node(service, "process " + topic, CONSUMER, micros(300, 4_000))
        .attr("messaging.system", "kafka").attr("messaging.destination.name", topic);
    node.logLine = "handled " + topic;
    return node;
  }

  /** Ids and times: children one after another (or all at once when parallel), a follow-up after its producer. */
  long layout(Node node, Node parent, long start, List<Node> nodes) {
    node.parent = parent;
    node.spanId = Requests.randomId(8, random);
    node.start = start;
    nodes.add(node);
    long cursor = start + node.selfNanos / 2;
    long latest = cursor;
    for (Node child : node.children) {
      long childEnd = layout(child, node, cursor + micros(20, 200), nodes);
      latest = Math.max(latest, childEnd);
      cursor = node.parallel ? cursor : childEnd;
    }
    node.end = latest + node.selfNanos - node.selfNanos / 2;
    if (node.followUp != null) {
      layout(node.followUp, node, node.end + micros(1_000, 40_000), nodes);
    }
    return node.end;
  }

  /** About 3% of traces fail in one span; the error shows on it and on the spans above it. */
  void maybeFail(List<Node> nodes) {
    if (random.nextInt(100) >= 3 || nodes.size() < 2) {
      return;
    }
    Node failing = nodes.get(random.nextInt(1, nodes.size()));
    if (failing.name.startsWith("SELECT") || failing.name.startsWith("UPDATE") || failing.name.startsWith("INSERT")) {
      failing.errorType = "psycopg.errors.DeadlockDetected";
      failing.errorMessage = "deadlock detected while waiting for ShareLock on transaction " + random.nextInt(100_000, 999_999);
    } else if (failing.kind == CLIENT) {
      failing.errorType = "TimeoutError";
      failing.errorMessage = "timed out after 5000 ms calling " + failing.name;
    } else {
      failing.errorType = "ValueError";
      failing.errorMessage = "invalid state for " + failing.name;
    }
    // Up to the request's root, or to the consumer: the request that published the message has answered.
    for (Node node = failing; node != null; node = node.kind == CONSUMER ? null : node.parent) {
      node.failed = true;
    }
  }

  private long micros(long min, long max) {
    return random.nextLong(min, max) * 1000;
  }
}
