package io.callbook.perfops.loadtest.api;

import io.callbook.perfops.loadtest.domain.BenchCommand;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * @param args the bench's options as separate words, e.g. {@code ["--duration","30s"]}; absent = none
 */
public record LoadTestRequest(
        @Schema(description = "The bench of deploy/loadtest", enumeration = {"resolve", "booking", "webhooks", "mix", "peers"})
        @NotNull @Pattern(regexp = BenchCommand.BENCH_PATTERN, message = "one of resolve, booking, webhooks, mix, peers")
        String bench,
        @Schema(description = "Its options, one word each (./callbook bench <bench> --help lists them)",
                examples = "[\"--duration\",\"30s\",\"--no-docs\"]")
        @Size(max = BenchCommand.MAX_ARGS)
        List<@NotNull @Pattern(regexp = BenchCommand.ARG_PATTERN,
                message = "1-200 letters, digits or = . , : _ / -") String> args) {

    public LoadTestRequest {
        args = args == null ? List.of() : args;
    }
}
