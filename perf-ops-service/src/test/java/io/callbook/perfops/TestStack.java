package io.callbook.perfops;

import io.callbook.testsupport.CallbookTestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Binds every @QuarkusTest of this module to the real PostgreSQL, Redis and Kafka of the devstack,
 * started once per test JVM.
 */
@QuarkusTestResource(value = CallbookTestStack.class, initArgs = {@ResourceArg(name = "service", value = "perf-ops"), @ResourceArg(name = "database", value = "perfops")})
public final class TestStack {

    private TestStack() {
    }
}
