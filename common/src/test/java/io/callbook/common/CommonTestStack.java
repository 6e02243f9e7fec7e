package io.callbook.common;

import io.callbook.testsupport.CallbookTestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Binds every @QuarkusTest of this module to the real PostgreSQL, Redis and Kafka of the devstack, started once per
 * test JVM; plain tests reach the same stack through {@code Devstack.shared()}.
 */
@QuarkusTestResource(value = CallbookTestStack.class, initArgs = @ResourceArg(name = "service", value = "common"))
public final class CommonTestStack {

    private CommonTestStack() {
    }
}
