package io.callbook.webhook;

import io.callbook.testsupport.ServiceArchitectureTests;

class ArchitectureTest extends ServiceArchitectureTests {

    ArchitectureTest() {
        super("webhook");
    }
}
