package io.callbook.loadtest.webhooks;

import io.callbook.loadtest.harness.ExitStatus;
import io.callbook.loadtest.harness.OptionArgs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./callbook sign voice|calendar --secret S --body-file F}: prints the signature header a provider would send
 * with that body, e.g. {@code x-retell-signature: v=...,d=...}, for trying webhooks out with curl. Signs the file's
 * bytes exactly as they are: curl must send them unchanged ({@code --data-binary @F}).
 */
public final class WebhookSign {

    static final String USAGE = """
            Usage: ./callbook sign voice|calendar --secret SECRET --body-file FILE
              voice     x-retell-signature: v=<unix ms>,d=<hex HMAC-SHA256(secret, body + ms)> (valid for 5 minutes)
              calendar  X-Cal-Signature-256: <hex HMAC-SHA256(secret, body)>
            FILE '-' reads the body from standard input. Send the same bytes: curl --data-binary @FILE
            """;

    private WebhookSign() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(USAGE);
            System.exit(args.length == 0 ? ExitStatus.USAGE : ExitStatus.OK);
        }
        try {
            System.out.println(headerLine(List.of(args), Instant.now()));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(ExitStatus.USAGE);
        }
    }

    static String headerLine(List<String> args, Instant now) {
        WebhookSignature provider = switch (args.get(0).toLowerCase(Locale.ROOT)) {
            case "voice" -> WebhookSignature.VOICE;
            case "calendar" -> WebhookSignature.CALENDAR;
            default -> throw new IllegalArgumentException("Sign for voice or calendar, not '" + args.get(0) + "'");
        };
        String[] secret = {null};
        String[] bodyFile = {null};
        OptionArgs.parse(args.subList(1, args.size()), (option, value) -> {
            switch (option) {
                case "--secret" -> secret[0] = value;
                case "--body-file" -> bodyFile[0] = value;
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
            return true;
        });
        if (secret[0] == null || bodyFile[0] == null) {
            throw new IllegalArgumentException("Give --secret and --body-file");
        }
        return provider.headerLine(body(bodyFile[0]), secret[0], now);
    }

    private static byte[] body(String file) {
        try {
            return file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the body from " + file + ": " + e.getMessage());
        }
    }
}
