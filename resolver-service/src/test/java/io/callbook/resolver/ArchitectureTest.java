package io.callbook.resolver;

import io.callbook.testsupport.ServiceArchitectureTests;

class ArchitectureTest extends ServiceArchitectureTests {

    ArchitectureTest() {
        super("resolver");
    }
}
