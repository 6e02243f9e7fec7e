package io.callbook.resolver.api;

import io.callbook.common.warmup.WarmUpTask;
import io.callbook.resolver.domain.NumberResolver;
import io.callbook.resolver.domain.ResolverConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import java.util.List;

/**
 * Resolves the newest assigned numbers before this service takes traffic, as the endpoint does for a caller: the
 * number's normalisation, both cache levels and, for each number once, the database. Only reads.
 */
@ApplicationScoped
public class ResolveWarmUp implements WarmUpTask {

    private static final int NUMBERS = 100;

    private final NumberResolver resolver;
    private final ResolverConfig config;
    private List<String> numbers;
    private int passes;

    public ResolveWarmUp(NumberResolver resolver, ResolverConfig config) {
        this.resolver = resolver;
        this.config = config;
    }

    @Override
    public String name() {
        return "resolve";
    }

    @Override
    @ActivateRequestContext
    public boolean pass() {
        if (numbers == null) {
            numbers = resolver.newestNumbers(NUMBERS);
        }
        if (numbers.isEmpty()) {
            return false;
        }
        resolver.resolve(numbers.get(passes % numbers.size()), config.defaultRegion()).toCompletableFuture().join();
        passes++;
        return true;
    }
}
