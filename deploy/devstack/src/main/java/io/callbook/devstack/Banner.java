package io.callbook.devstack;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the local run prints once it is up: where everything is and how to call it. */
final class Banner {

    private Banner() {
    }

    /**
     * @param services every service of the run, with the ports it uses
     * @param built    those that are built and run
     */
    static void print(List<LocalService> services, List<LocalService> built, Devstack stack, Map<String, String> tokens,
                      JsonNode demo, Path root, long startupMillis, String stopHint) {
        StringBuilder out = new StringBuilder();
        out.append('\n').append("Callbook is up in ").append(String.format("%.1f", startupMillis / 1000.0)).append(" s\n\n");
        out.append("Services\n");
        for (LocalService service : services) {
            if (built.contains(service)) {
                out.append(String.format("  %-17s %s   %s/q/swagger-ui   %s/q/health%n",
                        service.module(), service.url(), service.managementUrl(), service.managementUrl()));
            } else {
                out.append(String.format("  %-17s not built yet (no %s)%n", service.module(),
                        root.relativize(service.runnerJar(root))));
            }
        }
        dashboard(services, built).ifPresent(url -> out.append('\n').append("Dashboard\n")
                .append(String.format("  %-17s %s   (log in with an ops token: ./callbook token admin)%n", "perf-ops", url))
                .append("  ./callbook ops optimize --cache --analyze --dry-run   ./callbook ops reports   ./callbook ops bench resolve\n"));
        out.append('\n').append("Infrastructure\n");
        out.append(String.format("  %-17s %s  (user postgres, password postgres; databases resolver, booking, webhook, perfops)%n",
                "PostgreSQL", stack.jdbcUrl("<database>")));
        out.append(String.format("  %-17s %s%n", "Redis", stack.redisUrl()));
        out.append(String.format("  %-17s %s%n", "Kafka", stack.kafkaBootstrapServers()));
        out.append(String.format("  %-17s %s  (logs in %s)%n", "State", root.relativize(stack.dir()) + "/",
                root.relativize(stack.logDir()) + "/"));

        if (demo != null && demo.has("company")) {
            out.append('\n').append("Demo tenant: ").append(demo.path("company").path("name").asText())
                    .append(" (").append(demo.path("company").path("id").asText()).append(")\n");
            for (JsonNode number : demo.path("phoneNumbers")) {
                out.append(String.format("  %-17s %-14s %s, %s%n", number.path("number").asText(),
                        number.path("e164").asText(), demo.path("branches").path(number.path("branch").asText()).path("name").asText(),
                        number.path("label").asText()));
            }
        }
        if (!tokens.isEmpty()) {
            out.append('\n').append("Tokens (valid 8 h; a new pair on every start)\n");
            if (tokens.containsKey("TOKEN")) {
                out.append("  # demo tenant, groups tenant-admin and agent\n");
                out.append("  export TOKEN=").append(tokens.get("TOKEN")).append('\n');
            }
            if (tokens.containsKey("ADMIN_TOKEN")) {
                out.append("  # platform admin\n");
                out.append("  export ADMIN_TOKEN=").append(tokens.get("ADMIN_TOKEN")).append('\n');
            }
            out.append("  # later, e.g. in another terminal: export TOKEN=$(./callbook token); ./callbook token admin\n");
            out.append('\n').append("Try\n");
            String resolver = LocalService.named(services, "resolver").orElseThrow().url();
            out.append("  curl -s -H \"Authorization: Bearer $TOKEN\" \"" + resolver + "/v1/resolve?number=%2B49301234567\"\n");
            out.append("  curl -s -H \"Authorization: Bearer $TOKEN\" \"" + resolver + "/v1/resolve?number=030%2098765432\"\n");
            if (demo != null && demo.has("booking")) {
                bookingExamples(out, demo, LocalService.named(services, "booking").orElseThrow().url());
            }
        }
        out.append('\n').append("./callbook status, ./callbook logs [service], ./callbook token [tenant|admin] from any terminal.\n");
        out.append(stopHint).append(" Data is kept in .callbook/ for the next ./callbook up.\n");
        System.out.print(out);
        System.out.flush();
    }

    /** The live dashboard perf-ops-service serves at its root, when it is built and runs. */
    static Optional<String> dashboard(List<LocalService> services, List<LocalService> built) {
        return LocalService.named(built, "perf-ops").filter(services::contains)
                .map(perfOps -> "http://127.0.0.1:" + perfOps.port() + "/");
    }

    /** Free haircut slots in Berlin over the next days, and a booking of the next weekday at 10:00 local time. */
    private static void bookingExamples(StringBuilder out, JsonNode demo, String bookingUrl) {
        String branch = demo.path("branches").path("berlin").path("id").asText();
        String haircut = demo.path("booking").path("services").path("haircut").path("id").asText();
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate day = LocalDate.now(berlin).plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        String start = day.atTime(10, 0).atZone(berlin).toOffsetDateTime().toString();
        out.append(String.format("  curl -s -H \"Authorization: Bearer $TOKEN\" "
                + "\"%s/v1/branches/%s/availability?serviceId=%s&from=%s&to=%s\"%n",
                bookingUrl, branch, haircut, day, day.plusDays(2)));
        out.append(String.format("  curl -s -X POST -H \"Authorization: Bearer $TOKEN\" -H \"Content-Type: application/json\" "
                + "-H \"Idempotency-Key: demo-%s\" %s/v1/appointments "
                + "-d '{\"branchId\":\"%s\",\"serviceId\":\"%s\",\"start\":\"%s\","
                + "\"customer\":{\"phone\":\"0170 1234567\",\"name\":\"Clara Meyer\"}}'%n",
                day, bookingUrl, branch, haircut, start));
    }
}
