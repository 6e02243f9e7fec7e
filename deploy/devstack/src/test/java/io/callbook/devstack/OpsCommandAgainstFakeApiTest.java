package io.callbook.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ./callbook ops against a stand-in perf-ops-service that speaks the API's contract over real HTTP. */
class OpsCommandAgainstFakeApiTest {

    private static final String TOKEN = "test-token";

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void optimizeFollowsTheJobPrintsTheReportAndFailsOnNewAdvice() throws IOException {
        AtomicInteger polls = new AtomicInteger();
        start(exchange -> {
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            if (route.equals("POST /v1/ops/optimize")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(route + " " + body);
                exchange.getResponseHeaders().add("Location", "/v1/ops/reports/r1");
                return answer(exchange, 202, report("RUNNING", 0, null, "[]"));
            }
            if (route.equals("GET /v1/ops/reports/r1")) {
                return switch (polls.incrementAndGet()) {
                    case 1 -> answer(exchange, 200, report("RUNNING", 35, "cache", "[]"));
                    case 2 -> answer(exchange, 200, report("RUNNING", 70, "analyze", "[]"));
                    default -> answer(exchange, 200, report("SUCCEEDED", 100, null, NEW_FINDING));
                };
            }
            return answer(exchange, 404, "{}");
        });

        int exit = ops("optimize", "--cache", "--analyze", "--dry-run", "--fail-on-new-advice");

        assertEquals(3, exit, err());
        assertTrue(requests.getFirst().contains("\"cache\":true") && requests.getFirst().contains("\"dryRun\":true")
                && requests.getFirst().contains("\"pool\":false"), requests.getFirst());
        String printed = out();
        assertTrue(printed.contains("Optimize run r1 started: cache, analyze (dry run)"), printed);
        assertTrue(printed.contains(" 30%  cache\n") && printed.contains(" 70%  analyze\n"), printed);
        assertTrue(printed.contains("Report r1 · SUCCEEDED"), printed);
        assertTrue(printed.contains("  Slow statements\n"), printed);
        assertTrue(err().contains("New advice since the last run (1):") && err().contains("NEW [missing-index] booking"), err());
    }

    @Test
    void withoutNewAdviceTheRunEndsWell() throws IOException {
        start(exchange -> exchange.getRequestMethod().equals("POST")
                ? answer(exchange, 202, report("SUCCEEDED", 100, null, "[]"))
                : answer(exchange, 404, "{}"));
        assertEquals(0, ops("optimize", "--analyze", "--fail-on-new-advice"), err());
    }

    @Test
    void refusalsSayWhatToDo() throws IOException {
        AtomicInteger status = new AtomicInteger(409);
        start(exchange -> answer(exchange, status.get(), """
                {"type":"https://callbook.io/problems/run-in-progress","title":"A run is in progress","status":%d,
                 "detail":"Report r0 is running."}""".formatted(status.get())));
        assertEquals(1, ops("optimize", "--cache"));
        assertTrue(err().contains("Another run is in progress (409): Report r0 is running."), err());

        status.set(401);
        err.reset();
        assertEquals(1, ops("reports"));
        assertTrue(err().contains("refused the token (401)"), err());

        status.set(400);
        err.reset();
        assertEquals(2, ops("optimize", "--pool"));
        assertTrue(err().contains("refused the request (400): Report r0 is running."), err());
    }

    @Test
    void aSuiteWithoutPerfOpsIsNamed() {
        OpsApi nowhere = new OpsApi("http://127.0.0.1:" + Ports.free(), TOKEN);
        int exit = new SuiteOps(nowhere, print(out), print(err), false, Duration.ofMillis(10))
                .execute(OpsArguments.parse("reports"));
        assertEquals(1, exit);
        assertTrue(err().contains("perf-ops-service does not answer on"), err());
    }

    @Test
    void reportsListsTheLastOnes() throws IOException {
        start(exchange -> answer(exchange, 200, "{\"items\":[" + report("SUCCEEDED", 100, null, NEW_FINDING)
                + "],\"nextCursor\":null}"));
        assertEquals(0, ops("reports"));
        assertTrue(out().contains("r1") && out().contains("cache, analyze (dry run)") && out().contains("SUCCEEDED"), out());
    }

    @Test
    void benchFollowsTheLoadTestsOutputAndEndsWithItsExitStatus() throws IOException {
        AtomicInteger polls = new AtomicInteger();
        start(exchange -> {
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            if (route.equals("POST /v1/ops/loadtests")) {
                requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                return answer(exchange, 202, loadTest("RUNNING", "null", "Callbook bench: resolve", "null"));
            }
            if (route.equals("GET /v1/ops/loadtests/l1")) {
                return polls.incrementAndGet() == 1
                        ? answer(exchange, 200, loadTest("RUNNING", "null", "Callbook bench: resolve\\nseeding", "null"))
                        : answer(exchange, 200, loadTest("FAILED", "3", "seeding\\nResults (x):\\nopen 100/s 3", """
                                {"text":"Results","tables":[{"title":"resolve results","columns":["scenario","p99"],
                                 "rows":[["open 100/s","3"]]}],"notes":["1 run(s) FLAGGED"]}"""));
            }
            return answer(exchange, 404, "{}");
        });

        int exit = ops("bench", "resolve", "--duration", "5s");

        assertEquals(3, exit);
        assertEquals("{\"bench\":\"resolve\",\"args\":[\"--duration\",\"5s\"]}".length(), requests.getFirst().length());
        assertTrue(requests.getFirst().contains("\"args\":[\"--duration\",\"5s\"]"), requests.getFirst());
        String printed = out();
        assertEquals(1, printed.split("Callbook bench: resolve", -1).length - 1, printed);
        assertEquals(1, printed.split("seeding", -1).length - 1, printed);
        assertTrue(printed.contains("Load test l1: FAILED (exit status 3)"), printed);
        assertTrue(printed.contains("  resolve results\n    scenario    p99\n"), printed);
        assertTrue(printed.contains("1 run(s) FLAGGED"), printed);
    }

    private static final String NEW_FINDING = """
            [{"key":"index:booking:a(b)","service":"booking","kind":"missing-index","text":"a is scanned by b",
              "action":"CREATE INDEX CONCURRENTLY a_b ON a (b)"}]""";

    private static String report(String status, int progress, String step, String newFindings) {
        String steps = status.equals("RUNNING") ? "[]" : """
                [{"step":"analyze","summary":"1 slow statement","durationMs":900,
                  "tables":[{"title":"Slow statements","columns":["service","mean ms"],"rows":[["booking","120"]]}],
                  "findings":%s,"actions":[]}]""".formatted(newFindings);
        return """
                {"id":"r1","trigger":"api","requestedBy":"admin","options":{"cache":true,"analyze":true,"pool":false,
                 "indexes":false,"dryRun":true},"status":"%s","progress":%d,"currentStep":%s,
                 "startedAt":"2026-01-01T10:00:00Z","finishedAt":%s,"steps":%s,"newFindings":%s,"error":null}"""
                .formatted(status, progress, step == null ? "null" : "\"" + step + "\"",
                        status.equals("RUNNING") ? "null" : "\"2026-01-01T10:00:03Z\"", steps, newFindings);
    }

    private static String loadTest(String status, String exitCode, String logTail, String summary) {
        return """
                {"id":"l1","bench":"resolve","args":["--duration","5s"],"requestedBy":"admin","status":"%s",
                 "startedAt":"2026-01-01T10:00:00Z","finishedAt":null,"exitCode":%s,"summary":%s,"error":%s,"logTail":"%s"}"""
                .formatted(status, exitCode, summary, exitCode.equals("null") ? "null" : "\"The bench exited with 3\"", logTail);
    }

    private interface Handler {
        boolean handle(HttpExchange exchange) throws IOException;
    }

    private void start(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    answer(exchange, 401, "{\"title\":\"Unauthenticated\",\"status\":401}");
                    return;
                }
                handler.handle(exchange);
            }
        });
        server.start();
    }

    private static boolean answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        return true;
    }

    private int ops(String... args) {
        OpsApi api = new OpsApi("http://127.0.0.1:" + server.getAddress().getPort(), TOKEN);
        return new SuiteOps(api, print(out), print(err), false, Duration.ofMillis(10)).execute(OpsArguments.parse(args));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
