package io.callbook.perfops.loadtest.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCommandTest {

    @Test
    void withoutRootOrCommandLoadTestsAreOff() {
        assertTrue(BenchCommand.of(config(Optional.empty(), Optional.empty())).isEmpty());
        assertTrue(BenchCommand.of(config(Optional.of(" "), Optional.empty())).isEmpty());
    }

    @Test
    void theRepositorysLauncherRunsTheBench() {
        BenchCommand command = BenchCommand.of(config(Optional.of("/repo"), Optional.empty())).orElseThrow();
        assertEquals(List.of("/repo/callbook", "bench", "resolve", "--duration", "30s"),
                command.words("resolve", List.of("--duration", "30s")));
        assertEquals(Path.of("/repo"), command.workingDirectory());
    }

    @Test
    void aConfiguredCommandWins() {
        BenchCommand command = BenchCommand.of(config(Optional.of("/repo"), Optional.of(List.of("/opt/bench", "run")))).orElseThrow();
        assertEquals(List.of("/opt/bench", "run", "mix", "--calls", "20"), command.words("mix", List.of("--calls", "20")));
    }

    @Test
    void everyBenchOfTheLauncherIsKnown() {
        for (String bench : BenchCommand.BENCHES) {
            BenchCommand.check(bench, List.of());
            assertTrue(bench.matches(BenchCommand.BENCH_PATTERN));
        }
        assertThrows(InvalidLoadTest.class, () -> BenchCommand.check("sign", List.of()));
        assertThrows(InvalidLoadTest.class, () -> BenchCommand.check(null, List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30s; rm -rf /", "$(id)", "`id`", "a b", "x|y", "a&b", "--x=>out", "'q'", "\"q\"", "a\nb",
            "ümlaut", "A201_CHARACTERS_LONG_ARGUMENT_REPLACED_IN_CODE"})
    void argumentsAreSingleHarmlessWords(String arg) {
        String word = arg.startsWith("A201") ? "a".repeat(201) : arg;
        assertThrows(InvalidLoadTest.class, () -> BenchCommand.check("resolve", List.of("--duration", word)));
    }

    @Test
    void usualOptionsPass() {
        BenchCommand.check("resolve", List.of("--rates", "500,2000", "--duration", "30s", "--cache", "warm", "--no-docs",
                "--results", "/tmp/bench-1", "--url=http://127.0.0.1:8081", "--book-share", "0.3"));
    }

    @Test
    void argumentsAreCounted() {
        assertThrows(InvalidLoadTest.class, () -> BenchCommand.check("resolve",
                java.util.Collections.nCopies(BenchCommand.MAX_ARGS + 1, "--no-docs")));
    }

    static LoadTestConfig config(Optional<String> root, Optional<List<String>> command) {
        return new LoadTestConfig() {
            @Override
            public Optional<String> root() {
                return root;
            }

            @Override
            public Optional<List<String>> command() {
                return command;
            }

            @Override
            public Duration timeout() {
                return Duration.ofMinutes(45);
            }

            @Override
            public int logLines() {
                return 200;
            }
        };
    }
}
