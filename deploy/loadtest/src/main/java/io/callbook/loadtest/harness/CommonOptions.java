package io.callbook.loadtest.harness;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The options every bench target takes.
 *
 * @param url      base URL of the service under test
 * @param token    platform-admin bearer token; null: made from the local suite's bootstrap key
 * @param duration measured time per run
 * @param warmup   unmeasured load before runs; zero for none
 */
public record CommonOptions(String url, String token, Duration duration, Duration warmup, boolean writeDocs, Duration startTimeout,
                     Path resultsDir) {

    public static final String HELP = """
              --token TOKEN             platform-admin bearer token (default: CALLBOOK_TOKEN, else one made from
                                        .callbook/bootstrap.key)
              --no-docs                 do not append to docs/benchmarks.md
              --start-timeout D         how long to wait for ./callbook up (default 3m)
              --results DIR             where reports go (default deploy/loadtest/target/bench/<timestamp>)
            """;

    public int port() {
        return port(url);
    }

    static int port(String url) {
        URI uri = URI.create(url);
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /** Collects the common options; a target's own builder hands it every option it does not know. */
    public static final class Builder {
        private String url;
        private String token = System.getenv("CALLBOOK_TOKEN");
        private Duration duration = Duration.ofSeconds(30);
        private Duration warmup = Duration.ofSeconds(10);
        private boolean writeDocs = true;
        private Duration startTimeout = Duration.ofMinutes(3);
        private Path resultsDir;

        public Builder(String defaultUrl, Path defaultResultsDir) {
            this.url = defaultUrl;
            this.resultsDir = defaultResultsDir;
        }

        /** @param defaultDuration measured time per run unless --duration says otherwise */
        public Builder(String defaultUrl, Path defaultResultsDir, Duration defaultDuration) {
            this(defaultUrl, defaultResultsDir);
            this.duration = defaultDuration;
        }

        /** For a target whose runs need other lengths than the usual 30 s after 10 s. */
        public Builder(String defaultUrl, Path defaultResultsDir, Duration defaultDuration, Duration defaultWarmup) {
            this(defaultUrl, defaultResultsDir);
            this.duration = defaultDuration;
            this.warmup = defaultWarmup;
        }

        /** @return whether the option consumed the value */
        public boolean apply(String option, String value) {
            switch (option) {
                case "--url" -> url = value;
                case "--token" -> token = value;
                case "--duration" -> duration = DurationText.parse(value);
                case "--warmup" -> warmup = DurationText.parse(value);
                case "--start-timeout" -> startTimeout = DurationText.parse(value);
                case "--results" -> resultsDir = Path.of(value).toAbsolutePath();
                case "--no-docs" -> {
                    writeDocs = false;
                    return false;
                }
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
            return true;
        }

        public CommonOptions build() {
            return new CommonOptions(url, token, duration, warmup, writeDocs, startTimeout, resultsDir);
        }
    }
}
