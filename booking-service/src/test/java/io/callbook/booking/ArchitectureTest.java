package io.callbook.booking;

import io.callbook.testsupport.ServiceArchitectureTests;

class ArchitectureTest extends ServiceArchitectureTests {

    ArchitectureTest() {
        super("booking");
    }
}
