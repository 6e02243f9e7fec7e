package io.callbook.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hostile variants of valid requests (jqwik generators), and the property every answer must have: a success, or a 4xx
 * {@code application/problem+json} whose {@code status} is the response's — never a 5xx — and a refused request leaves
 * no row behind.
 *
 * <p>The generators run programmatically with a seeded {@link Random} inside a {@code @QuarkusTest}: a jqwik
 * {@code @Property} gets neither Quarkus's injection nor its started application. The seed is printed with every
 * failure; {@code -Dcallbook.fuzz.seed=<seed>} replays the same inputs, {@code -Dcallbook.fuzz.tries=<n>} sends more.
 */
public final class Fuzz {

    /** Requests per fuzzed endpoint: enough to meet each kind of mutation many times, few enough for CI. */
    public static final int TRIES = Integer.getInteger("callbook.fuzz.tries", 100);
    public static final long SEED = Long.getLong("callbook.fuzz.seed", new SecureRandom().nextLong());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVALID_UTF8_MARKER = "@@invalid-utf8@@";
    private static final byte[][] INVALID_UTF8 = {
            {(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {0x00}};

    private Fuzz() {
    }

    /** A request body as sent, with a label for failure messages. */
    public record Body(String label, byte[] bytes, String contentType) {

        public static Body json(Object value) {
            try {
                return new Body("json", JSON.writeValueAsBytes(value), "application/json");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return label + " " + contentType + ": " + abbreviate(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** {@code count} samples of {@code arbitrary}, the same ones for the same seed and salt. */
    public static <T> List<T> samples(Arbitrary<T> arbitrary, int count, String salt) {
        Random random = new Random(SEED ^ salt.hashCode());
        // Outside a property jqwik needs a session of its own for its generators' memo.
        boolean ownSession = !JqwikSession.isActive();
        if (ownSession) {
            JqwikSession.start();
        }
        try {
            RandomGenerator<T> generator = arbitrary.generator(1000, true);
            return Stream.generate(() -> generator.next(random).value()).limit(count).toList();
        } finally {
            if (ownSession) {
                JqwikSession.finish();
            }
        }
    }

    /** Requests without RestAssured's default charset, so a body's bytes and content type arrive as generated. */
    public static RequestSpecification given(Body body) {
        RequestSpecification request = RestAssured.given().config(RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
        if (body != null) {
            request.body(body.bytes());
            if (body.contentType() != null) {
                request.contentType(body.contentType());
            }
        }
        return request;
    }

    /** Mutations of a valid JSON object: fields of wrong types, huge, empty or missing; unknown fields; broken JSON. */
    public static Arbitrary<Body> bodies(Map<String, ?> valid) {
        return bodies(valid, Arbitraries.of("x"));
    }

    /** @param domainValues values worth trying for this endpoint's fields besides the general hostile ones */
    public static Arbitrary<Body> bodies(Map<String, ?> valid, Arbitrary<?> domainValues) {
        List<List<Object>> paths = paths(valid, new ArrayList<>());
        Arbitrary<Object> values = Arbitraries.frequencyOf(Tuple.of(3, hostileValues()),
                Tuple.of(2, domainValues.map(value -> (Object) value)));
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(Operation.values()),
                Arbitraries.integers().between(0, paths.size() - 1), values,
                Arbitraries.of("unknownField", "__proto__", "", "id", "companyId", "$where", "a".repeat(300)))
                .as((operation, path, value, name) -> new Mutation(operation, paths.get(path), value, name));
        Arbitrary<Body> mutated = mutation.list().ofMinSize(1).ofMaxSize(3).map(mutations -> {
            Map<String, Object> body = copyOf(valid);
            mutations.forEach(m -> m.apply(body));
            Body json = Body.json(body);
            return new Body(mutations.toString(), json.bytes(), json.contentType());
        });
        Arbitrary<Body> invalidUtf8 = Combinators.combine(Arbitraries.integers().between(0, paths.size() - 1),
                Arbitraries.integers().between(0, INVALID_UTF8.length - 1)).as((path, bytes) -> {
            Map<String, Object> body = copyOf(valid);
            new Mutation(Operation.SET, paths.get(path), INVALID_UTF8_MARKER, "").apply(body);
            return new Body("invalid UTF-8 " + java.util.HexFormat.of().formatHex(INVALID_UTF8[bytes]) + " at " + paths.get(path),
                    replace(Body.json(body).bytes(), INVALID_UTF8_MARKER.getBytes(StandardCharsets.UTF_8),
                            INVALID_UTF8[bytes]), "application/json");
        });
        Arbitrary<Body> otherTypes = Arbitraries.of("text/plain", "application/xml", "application/octet-stream",
                        "application/json; charset=ISO-8859-1", "application/json;charset=utf-16", "text/html",
                        "application/json; charset=nonsense", "*/*", "")
                .map(type -> new Body("content type " + type, Body.json(valid).bytes(), type.isEmpty() ? null : type));
        return Arbitraries.frequencyOf(Tuple.of(12, mutated), Tuple.of(4, rawBodies(valid)), Tuple.of(2, invalidUtf8),
                Tuple.of(1, otherTypes));
    }

    /** Values of every wrong kind: nulls, empty and huge strings, huge and odd numbers, nesting, odd dates and zones. */
    public static Arbitrary<Object> hostileValues() {
        Arbitrary<Object> strings = Arbitraries.oneOf(
                Arbitraries.of("", " ", "\u0000", "\t\n", "x".repeat(100_000), "ü".repeat(5_000), "\uD83D\uDE00",
                        "\u202Eevil", "<script>alert(1)</script>", "'; drop table customers; --", "../../etc/passwd",
                        "%00", "null", "true", "NaN", "-0", "1e309", "\\u0000", "${jndi:ldap://x}"),
                Arbitraries.strings().all().ofMaxLength(40).map(s -> (Object) s));
        Arbitrary<Object> numbers = Arbitraries.oneOf(
                Arbitraries.of(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
                        new BigInteger("1" + "0".repeat(40)), new BigInteger("-" + "9".repeat(400)),
                        new BigDecimal("1e308"), new BigDecimal("1e-400"), new BigDecimal("123456789.123456789"), 1.5,
                        -0.0, 2_147_483_648L, 86_400_000_000L),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.longs().map(l -> (Object) l));
        Arbitrary<Object> dates = Arbitraries.of("2026-02-30", "2026-13-01", "0000-01-01", "+999999999-12-31",
                "-999999999-01-01", "9999-12-31", "2026-05-04T10:00:00", "2026-05-04T10:00:00+25:00",
                "2026-05-04T10:00:00Z", "2026-03-29T02:30:00+01:00", "2026-10-25T02:30:00+02:00",
                "9999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59.999999999-18:00",
                "1970-01-01T00:00:00Z", "2026-05-04T24:00:00+02:00", "24:00", "25:61", "00:00", "23:59:60",
                "2026-W19-1", "1714816800", "Europe/Atlantis", "UTC+99", "Etc/GMT+14", "SystemV/AST4", "Europe/Berlin",
                "GMT0", "Z", "../Europe/Berlin", "MONDAY", "monday", "P1D", "PT-1H");
        Arbitrary<Object> structures = Arbitraries.of(NullNode.getInstance(), true, false, List.of(), Map.of(),
                Arrays.asList(1, "a", null), Map.of("a", Map.of("b", List.of(Map.of()))), nested(200),
                UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000", "not-a-uuid",
                "tel:+49301234567", "sip:+49301234567@sip.provider.com;user=phone", "anonymous", "+", "0".repeat(80),
                List.of("x".repeat(1000)), List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString()));
        return Arbitraries.oneOf(strings, numbers, dates, structures);
    }

    /** JSON that is not the expected object at all: broken, too deep, too big, another type. */
    private static Arbitrary<Body> rawBodies(Map<String, ?> valid) {
        String validJson = new String(Body.json(valid).bytes(), StandardCharsets.UTF_8);
        String withDuplicate = validJson.replaceFirst("^\\{", "{\"dup\":1,\"dup\":2,");
        String firstKey = valid.keySet().stream().findFirst().orElse("a");
        return Arbitraries.of("", " ", "null", "[]", "42", "\"text\"", "true", "{", "}", "{\"a\":}", "{'a':1}",
                        "{\"a\":1,}", "{\"a\":NaN}", "{\"a\":1e999999999}", "{\"" + firstKey + "\":" + "9".repeat(5000) + "}",
                        "[".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                        "[".repeat(2000) + "]".repeat(2000), "\uFEFF" + validJson, validJson + " trailing",
                        validJson + validJson, "{\"a\":\"\\ud800\"}", "{\"" + firstKey + "\":\"\\u0000\"}", "/* c */ {}",
                        withDuplicate, "[" + validJson + "]", validJson.replace("\"", "'"),
                        "{\"" + firstKey + "\":\"" + "x".repeat(1_100_000) + "\"}")
                .map(raw -> new Body("raw", raw.getBytes(StandardCharsets.UTF_8), "application/json"));
    }

    /**
     * The property: a success (below 400, or the 3xx a GET may answer), or a 4xx problem+json naming its status.
     *
     * @param request what was sent, for the failure message
     */
    public static void assertProblemOrSuccess(Response response, Object request) {
        int status = response.statusCode();
        String body = response.asString();
        String context = status + " for " + request + " -> " + abbreviate(body) + " (seed " + SEED + ")";
        if (status >= 500) {
            fail("Server error " + context);
        }
        if (status >= 400) {
            String type = response.contentType();
            assertTrue(type != null && type.startsWith("application/problem+json"), "Not a problem: " + type + " " + context);
            try {
                JsonNode problem = JSON.readTree(body);
                assertEquals(status, problem.path("status").asInt(), "Problem status differs: " + context);
                assertNotNull(problem.get("type"), "Problem without type: " + context);
            } catch (JsonProcessingException e) {
                fail("Unreadable problem " + context);
            }
        }
    }

    /** Rows of one tenant in every table of the service's schema that has a {@code company_id} or {@code tenant_id}. */
    public static Map<String, Long> tenantRows(DataSource dataSource, UUID company) {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            String counting = COUNTS.computeIfAbsent(dataSource, ignored -> countingQuery(connection));
            try (PreparedStatement statement = connection.prepareStatement(counting)) {
                int tables = counting.split(" union all ").length;
                for (int i = 1; i <= tables; i++) {
                    statement.setObject(i, company);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        counts.merge(rows.getString(1), rows.getLong(2), Long::sum);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private static final Map<DataSource, String> COUNTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** One statement counting the tenant's rows of every table: fuzzing counts before and after each request. */
    private static String countingQuery(Connection connection) {
        List<String> parts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select c.table_name, c.column_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                  and c.column_name in ('company_id', 'tenant_id') order by 1, 2""");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                parts.add("select '" + rows.getString(1) + "', count(*) from " + rows.getString(1) + " where "
                        + rows.getString(2) + " = ?");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return String.join(" union all ", parts);
    }

    /** Sends each sample, checks the property, and that a refused request changed none of the tenant's rows. */
    public static void check(List<Body> bodies, java.util.function.Function<Body, Response> send,
                             java.util.function.Supplier<Map<String, Long>> rows) {
        for (Body body : bodies) {
            Map<String, Long> before = rows == null ? Map.of() : rows.get();
            Response response = send.apply(body);
            assertProblemOrSuccess(response, body);
            if (rows != null && response.statusCode() >= 400) {
                assertEquals(before, rows.get(), "A refused request wrote rows: " + response.statusCode() + " for "
                        + body + " (seed " + SEED + ")");
            }
        }
    }

    private enum Operation { SET, SET_AGAIN, REMOVE, ADD_UNKNOWN }

    private record Mutation(Operation operation, List<Object> path, Object value, String unknownName) {

        @SuppressWarnings("unchecked")
        void apply(Map<String, Object> body) {
            Object parent = body;
            for (int i = 0; i < path.size() - 1; i++) {
                parent = child(parent, path.get(i));
                if (parent == null) {
                    return;
                }
            }
            // An earlier mutation may have turned a list into an object: its index then names a field.
            String last = String.valueOf(path.getLast());
            if (parent instanceof Map<?, ?> map) {
                Map<String, Object> object = (Map<String, Object>) map;
                switch (operation) {
                    case SET, SET_AGAIN -> object.put(last, deepCopy(value));
                    case REMOVE -> object.remove(last);
                    case ADD_UNKNOWN -> object.put(unknownName, deepCopy(value));
                }
            } else if (parent instanceof List<?> list && !list.isEmpty()) {
                List<Object> array = (List<Object>) list;
                switch (operation) {
                    case SET, SET_AGAIN -> array.set(0, deepCopy(value));
                    case REMOVE -> array.remove(0);
                    case ADD_UNKNOWN -> array.add(deepCopy(value));
                }
            }
        }

        private static Object child(Object parent, Object key) {
            if (parent instanceof Map<?, ?> map) {
                return map.get(key);
            }
            return parent instanceof List<?> list && !list.isEmpty() ? list.get(0) : null;
        }

        @Override
        public String toString() {
            String shown = value instanceof String s ? "\"" + abbreviate(s) + "\"" : abbreviate(String.valueOf(value));
            return operation + " " + path + (operation == Operation.REMOVE ? "" : " = " + shown);
        }
    }

    private static List<List<Object>> paths(Object node, List<Object> prefix) {
        List<List<Object>> paths = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            if (map.isEmpty() && prefix.isEmpty()) {
                paths.add(List.of("unknownField"));
            }
            map.forEach((key, value) -> {
                List<Object> path = new ArrayList<>(prefix);
                path.add(key);
                paths.add(path);
                paths.addAll(paths(value, path));
            });
        } else if (node instanceof List<?> list && !list.isEmpty()) {
            List<Object> path = new ArrayList<>(prefix);
            path.add(0);
            paths.add(path);
            paths.addAll(paths(list.getFirst(), path));
        }
        return paths;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copyOf(Map<String, ?> valid) {
        return (Map<String, Object>) deepCopy(valid);
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }

    private static Object nested(int depth) {
        Object value = "deep";
        for (int i = 0; i < depth; i++) {
            value = i % 2 == 0 ? List.of(value) : Map.of("a", value);
        }
        return value;
    }

    private static byte[] replace(byte[] bytes, byte[] marker, byte[] replacement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (i <= bytes.length - marker.length && Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
                out.writeBytes(replacement);
                i += marker.length - 1;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toByteArray();
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "… (" + oneLine.length() + " chars)";
    }
}
