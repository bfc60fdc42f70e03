package bank.platform.reference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;

/**
 * Zeebe's in-memory engine with its gRPC gateway on the port given as the first argument, and
 * a control endpoint on the second (loopback only, JSON over HTTP):
 *
 * <ul>
 *   <li>POST /time?ms=N moves the engine clock forward and waits until the engine is idle;
 *   <li>POST /idle waits until the engine is idle;
 *   <li>GET /records returns every record written so far, as a JSON array;
 *   <li>POST /stop stops the engine and exits.
 * </ul>
 *
 * Prints one line "READY <gateway address> <control port>" once both listen.
 */
public final class ReferenceEngine {
  // Generous: on a busy 2-core machine the engine needs longer to settle after a time jump.
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  private ReferenceEngine() {}

  public static void main(final String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ReferenceEngine <gateway port> <control port>");
      System.exit(64);
    }
    final ZeebeTestEngine engine = EngineFactory.create(Integer.parseInt(args[0]));
    engine.start();
    final HttpServer control =
        HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])), 0);
    control.createContext("/time", exchange -> {
      final long ms = Long.parseLong(query(exchange, "ms"));
      engine.increaseTime(Duration.ofMillis(ms));
      idle(engine);
      answer(exchange, 200, "{}");
    });
    control.createContext("/idle", exchange -> {
      idle(engine);
      answer(exchange, 200, "{}");
    });
    control.createContext("/records", exchange -> {
      final StringJoiner json = new StringJoiner(",", "[", "]");
      for (final Record<?> record : engine.getRecordStreamSource().getRecords()) {
        json.add(record.toJson());
      }
      answer(exchange, 200, json.toString());
    });
    control.createContext("/stop", exchange -> {
      answer(exchange, 200, "{}");
      engine.stop();
      control.stop(0);
      System.exit(0);
    });
    control.start();
    System.out.println("READY " + engine.getGatewayAddress() + " " + args[1]);
    System.out.flush();
  }

  private static void idle(final ZeebeTestEngine engine) {
    try {
      engine.waitForIdleState(IDLE_TIMEOUT);
    } catch (final Exception e) {
      throw new IllegalStateException("The engine did not become idle: " + e.getMessage(), e);
    }
  }

  private static String query(final HttpExchange exchange, final String name) {
    final String query = exchange.getRequestURI().getQuery();
    if (query != null) {
      for (final String pair : query.split("&")) {
        final String[] parts = pair.split("=", 2);
        if (parts.length == 2 && parts[0].equals(name)) return parts[1];
      }
    }
    throw new IllegalArgumentException("missing query parameter " + name);
  }

  private static void answer(final HttpExchange exchange, final int status, final String body)
      throws IOException {
    final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("content-type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
