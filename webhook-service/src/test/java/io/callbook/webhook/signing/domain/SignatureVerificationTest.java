package io.callbook.webhook.signing.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignatureVerificationTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String KEY = "key_retell_test";
    private static final byte[] BODY = """
            {"event":"call_started","call":{"call_id":"c1","from_number":"+4917012345678","to_number":"+49301234567"}}"""
            .getBytes(StandardCharsets.UTF_8);

    private final RetellSignature retell = new RetellSignature(Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            valid                    | KEY   | body     | 0    | true
            valid, 4 min old         | KEY   | body     | -240 | true
            valid, 4 min ahead       | KEY   | body     | 240  | true
            wrong key                | OTHER | body     | 0    | false
            tampered body            | KEY   | tampered | 0    | false
            stale timestamp (6 min)  | KEY   | body     | -360 | false
            future timestamp (6 min) | KEY   | body     | 360  | false
            """)
    void retellSignatures(String name, String key, String body, long offsetSeconds, boolean valid) {
        String header = RetellSignature.sign(BODY, key.equals("KEY") ? KEY : "another key", NOW.plusSeconds(offsetSeconds));
        byte[] received = body.equals("body") ? BODY : "{\"event\":\"call_ended\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(valid, retell.verify(received, header, new Hmac.Key(KEY)).valid(), name);
    }

    @Test
    void retellHeaderProblemsAreNamed() {
        assertEquals("missing x-retell-signature header", retell.verify(BODY, null, new Hmac.Key(KEY)).failure());
        assertFalse(retell.verify(BODY, "d=abc", new Hmac.Key(KEY)).valid());
        assertFalse(retell.verify(BODY, "v=soon,d=abc", new Hmac.Key(KEY)).valid());
        assertFalse(retell.verify(BODY, "v=" + NOW.toEpochMilli() + ",d=not-hex", new Hmac.Key(KEY)).valid());
    }

    @Test
    void retellDigestIsHmacOfBodyAndTimestamp() throws Exception {
        String header = RetellSignature.sign(BODY, KEY, NOW);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(BODY);
        mac.update(Long.toString(NOW.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
        assertEquals("v=" + NOW.toEpochMilli() + ",d=" + HexFormat.of().formatHex(mac.doFinal()), header);
    }

    /** An integration's key is kept and shared by every request that names it: no use may change what it signs. */
    @Test
    void aKeptKeySignsTheSameWhoeverUsesItAndHowOften() throws Exception {
        Hmac.Key kept = new Hmac.Key(KEY);
        byte[] expected = Hmac.sha256(KEY, BODY);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> digests = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                byte[] part = i % 2 == 0 ? BODY : "other".getBytes(StandardCharsets.UTF_8);
                digests.add(threads.submit(() -> kept.sha256(part)));
            }
            for (int i = 0; i < digests.size(); i += 2) {
                assertArrayEquals(expected, digests.get(i).get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void calSignatures() {
        String secret = "cal_secret";
        String header = CalSignature.sign(BODY, secret);
        assertTrue(CalSignature.verify(BODY, header, new Hmac.Key(secret)).valid());
        assertTrue(CalSignature.verify(BODY, header.toUpperCase(), new Hmac.Key(secret)).valid());
        assertFalse(CalSignature.verify(BODY, header, new Hmac.Key("other")).valid());
        assertFalse(CalSignature.verify("{}".getBytes(StandardCharsets.UTF_8), header, new Hmac.Key(secret)).valid());
        assertFalse(CalSignature.verify(BODY, null, new Hmac.Key(secret)).valid());
    }

    /** The spec's own example secret, id, timestamp and body, checked with an independent HMAC written here. */
    @Test
    void standardWebhooksSignatureMatchesAnIndependentImplementation() throws Exception {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        long timestamp = 1614265330;
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));

        assertEquals(expected, StandardWebhookSigner.signature(secret, id, timestamp, body));
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", expected, "the spec's published example");
    }

    @Test
    void toleranceIsFiveMinutes() {
        assertEquals(Duration.ofMinutes(5), RetellSignature.TOLERANCE);
    }
}
