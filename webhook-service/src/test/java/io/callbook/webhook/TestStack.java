package io.callbook.webhook;

import io.callbook.testsupport.CallbookTestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Binds every @QuarkusTest of this module to the real PostgreSQL, Redis and Kafka of the devstack,
 * started once per test JVM, and to the real resolver-service and booking-service the voice functions call.
 */
@QuarkusTestResource(value = CallbookTestStack.class, initArgs = @ResourceArg(name = "service", value = "webhook"))
@QuarkusTestResource(VoiceBackends.class)
public final class TestStack {

    private TestStack() {
    }
}
