package io.callbook.perfops.operation.api;

import io.callbook.perfops.operation.domain.OptimizeOptions;

/** The body of POST /v1/ops/optimize; an absent option is false. */
public record OptimizeRequest(Boolean cache, Boolean analyze, Boolean pool, Boolean indexes, Boolean dryRun) {

    OptimizeOptions options() {
        return new OptimizeOptions(isTrue(cache), isTrue(analyze), isTrue(pool), isTrue(indexes), isTrue(dryRun));
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
