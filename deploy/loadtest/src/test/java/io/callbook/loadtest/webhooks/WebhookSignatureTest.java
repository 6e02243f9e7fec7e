package io.callbook.loadtest.webhooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The providers' schemes, so that a bench request or a README curl is signed as the provider would sign it. */
class WebhookSignatureTest {

    /** RFC 4231, test case 2. */
    private static final String KEY = "Jefe";
    private static final String DATA = "what do ya want for nothing?";
    private static final String HMAC = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    @Test
    void calendarIsTheHexHmacOfTheBody() {
        assertEquals(HMAC, WebhookSignature.CALENDAR.value(bytes(DATA), KEY, Instant.EPOCH));
    }

    @Test
    void voiceSignsTheBodyFollowedByTheTimeInMilliseconds() {
        Instant at = Instant.ofEpochMilli(1_764_547_200_123L);
        String body = "{\"event\":\"call_started\"}";
        String expectedDigest = WebhookSignature.CALENDAR.value(bytes(body + "1764547200123"), KEY, Instant.EPOCH);
        assertEquals("v=1764547200123,d=" + expectedDigest, WebhookSignature.VOICE.value(bytes(body), KEY, at));
    }

    @Test
    void signCommandPrintsTheHeaderLine(@TempDir Path dir) throws IOException {
        Path body = Files.writeString(dir.resolve("body.json"), DATA);
        assertEquals("X-Cal-Signature-256: " + HMAC,
                WebhookSign.headerLine(List.of("calendar", "--secret", KEY, "--body-file", body.toString()), Instant.now()));
        assertEquals("x-retell-signature: v=1000," + "d=" + WebhookSignature.CALENDAR.value(bytes(DATA + "1000"), KEY, Instant.EPOCH),
                WebhookSign.headerLine(List.of("voice", "--body-file", body.toString(), "--secret", KEY), Instant.ofEpochMilli(1000)));
        assertThrows(IllegalArgumentException.class, () -> WebhookSign.headerLine(List.of("sms", "--secret", KEY), Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> WebhookSign.headerLine(List.of("voice", "--secret", KEY), Instant.now()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
