package io.callbook.loadtest.peers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callbook.loadtest.resolve.SeededNumber;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * What the static and PHP peers answer: for each seeded number a JSON shaped like resolver-service's answer (its
 * {@code Resolution}), stored in Redis under a key per way callers send the number, which the PHP script reads.
 */
final class PeerAnswers {

    /** The PHP script builds the same keys (peers/resolve.php). */
    static final String KEY_PREFIX = "resolve:";
    /** The region the lookup mix sends national numbers with. */
    static final String REGION = "DE";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PeerAnswers() {
    }

    /** @param region null for an E.164 number */
    static String key(String number, String region) {
        return region == null ? KEY_PREFIX + number : KEY_PREFIX + region + ":" + number;
    }

    static String answer(SeededNumber number) {
        ObjectNode answer = JSON.createObjectNode()
                .put("number", number.e164())
                .put("companyId", number.companyId())
                .put("companyName", "Loadtest")
                .put("branchId", UUID.nameUUIDFromBytes(number.e164().getBytes(StandardCharsets.UTF_8)).toString())
                .put("branchName", "Branch 1")
                .put("timeZone", "Europe/Berlin")
                .put("locale", "de-DE")
                .put("active", true);
        try {
            return JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a resolve answer", e);
        }
    }

    /** SETs of every number in E.164 and national form, in Redis's protocol as {@code redis-cli --pipe} reads it. */
    static byte[] redisCommands(List<SeededNumber> numbers) {
        ByteArrayOutputStream commands = new ByteArrayOutputStream();
        for (SeededNumber number : numbers) {
            String answer = answer(number);
            command(commands, "SET", key(number.e164(), null), answer);
            command(commands, "SET", key(number.national(), REGION), answer);
        }
        return commands.toByteArray();
    }

    private static void command(ByteArrayOutputStream out, String... words) {
        out.writeBytes(("*" + words.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String word : words) {
            byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
