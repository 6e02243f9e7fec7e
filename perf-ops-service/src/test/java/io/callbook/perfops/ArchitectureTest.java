package io.callbook.perfops;

import io.callbook.testsupport.ServiceArchitectureTests;

class ArchitectureTest extends ServiceArchitectureTests {

    ArchitectureTest() {
        super("perfops");
    }
}
