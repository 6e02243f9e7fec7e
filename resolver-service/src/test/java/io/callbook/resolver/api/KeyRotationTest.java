package io.callbook.resolver.api;

import io.callbook.devstack.Devstack;
import io.callbook.resolver.Directory;
import io.callbook.resolver.domain.SigningKeys;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The signing key rotates while tokens are issued and used, the way an operator does it with the key Secret (publish
 * the next key, then sign with it while the previous one stays published, then drop the previous one), and no request
 * is refused meanwhile: not here, where resolver-service verifies with its own keys, and not in "booking-service", a
 * SmallRye JWT verifier in this JVM that knows resolver-service's keys only from its JWKS, exactly as the other services
 * are configured. The key folder is re-read every second and the JWKS may be kept for a second.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.OwnKeyFolder.class)
class KeyRotationTest {

    static final Path KEYS = Path.of("target/key-rotation-keys").toAbsolutePath();

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aKeyRotatedWhileTrafficFlowsCostsNoRequestA401() throws Exception {
        UUID company = Directory.company("Rotation GmbH");
        String apiKey = given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("name", "voice", "groups", List.of("agent", "tenant-admin")))
                .post("/v1/companies/{c}/api-keys", company).then().statusCode(201).extract().path("key");
        String oldKeyId = Devstack.shared().signingKeyId();
        String issuedBefore = exchange(apiKey);
        DefaultJWTParser booking = jwksVerifier();

        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger withNewKey = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService traffic = Executors.newFixedThreadPool(3);
        for (int i = 0; i < 3; i++) {
            traffic.submit(() -> {
                while (running.get()) {
                    try {
                        String token = exchange(apiKey);
                        for (String used : List.of(token, issuedBefore)) {
                            int status = get("/v1/companies/" + company + "/branches", used);
                            if (status != 200) {
                                refused.add("resolver-service answered " + status);
                            }
                            try {
                                booking.parse(used);
                            } catch (ParseException e) {
                                refused.add("booking-service refused a token: " + e.getMessage());
                            }
                        }
                        if (!TokensTest.header(token).getKeyIdHeaderValue().equals(oldKeyId)) {
                            withNewKey.incrementAndGet();
                        }
                        rounds.incrementAndGet();
                    } catch (Exception e) {
                        refused.add(e.toString());
                    }
                }
                return null;
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> rounds.get() >= 10 || !refused.isEmpty());

        // 1. The next key is published ahead of signing with it.
        String newKeyId = writeNewKey(KEYS.resolve("next.pem"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jwksKeyIds().equals(Set.of(oldKeyId, newKeyId)));
        // 2. It signs; the previous key stays published for the tokens it signed.
        Files.move(KEYS.resolve(SigningKeys.SIGNING_FILE), KEYS.resolve("previous.pem"), StandardCopyOption.ATOMIC_MOVE);
        Files.move(KEYS.resolve("next.pem"), KEYS.resolve(SigningKeys.SIGNING_FILE), StandardCopyOption.ATOMIC_MOVE);
        await().atMost(Duration.ofSeconds(60)).until(() -> withNewKey.get() >= 20 || !refused.isEmpty());

        running.set(false);
        traffic.shutdown();
        assertTrue(traffic.awaitTermination(1, TimeUnit.MINUTES));
        assertEquals(List.of(), List.copyOf(refused).subList(0, Math.min(5, refused.size())), "refused during the rotation");
        assertEquals(Set.of(oldKeyId, newKeyId), jwksKeyIds());
        assertNotEquals(oldKeyId, TokensTest.header(exchange(apiKey)).getKeyIdHeaderValue());

        // 3. Once its tokens have expired, the previous key goes; the verifiers drop it with their next fetch.
        Files.delete(KEYS.resolve("previous.pem"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jwksKeyIds().equals(Set.of(newKeyId)));
        String unseen = TestTokens.tenantAdmin(company); // the old key, never verified by either before
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThrows(ParseException.class,
                () -> jwksVerifier().parse(unseen)));
        assertEquals(401, get("/v1/companies/" + company + "/branches", unseen));
    }

    /** A verifier configured like the services other than resolver: keys from resolver-service's JWKS by kid. */
    private DefaultJWTParser jwksVerifier() {
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setPublicKeyLocation(base.toString() + ".well-known/jwks.json");
        context.setIssuedBy("callbook");
        context.setExpectedAudience(Set.of("booking-service"));
        context.setJwksRefreshInterval(5);
        context.setForcedJwksRefreshInterval(1);
        context.setJwksRetainCacheOnErrorDuration(1440);
        // A factory of its own: the shared one would keep the key resolver of whichever context used it first.
        return new DefaultJWTParser(context, new DefaultJWTCallerPrincipalFactory());
    }

    private String exchange(String apiKey) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "v1/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"apiKey\":\"" + apiKey + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token exchange answered " + response.statusCode() + ": " + response.body());
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("accessToken").asText();
    }

    private int get(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private Set<String> jwksKeyIds() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + ".well-known/jwks.json"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        Set<String> ids = new java.util.TreeSet<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("keys")
                .forEach(key -> ids.add(key.path("kid").asText()));
        return ids;
    }

    private static String writeNewKey(Path file) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, pem);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return SigningKeys.keyId((java.security.interfaces.RSAPublicKey) pair.getPublic());
    }

    /** A key folder of its own (starting with the stack's key, which signs every other test's tokens). */
    public static class OwnKeyFolder implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                if (Files.isDirectory(KEYS)) {
                    try (var files = Files.list(KEYS)) {
                        for (Path file : files.toList()) {
                            Files.delete(file);
                        }
                    }
                }
                Files.createDirectories(KEYS);
                Files.copy(Devstack.shared().privateKeyPath(), KEYS.resolve(SigningKeys.SIGNING_FILE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Traffic here exchanges API keys far faster than the route allows one client; the limit is not the subject.
            return Map.of("callbook.tokens.key-dir", KEYS.toString(),
                    "callbook.tokens.reload-interval", "1s",
                    "callbook.tokens.jwks-max-age", "PT1S",
                    "callbook.rate-limit.routes.tokens.limit", "1000000");
        }
    }
}
