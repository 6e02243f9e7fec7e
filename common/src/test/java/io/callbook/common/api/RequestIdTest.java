package io.callbook.common.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RequestIdTest {

    @Test
    void requestIdsAreAcceptedOnlyWhenSane() {
        assertEquals("call-4711", RequestId.acceptOrCreate("call-4711"));
        assertNotEquals("a b", RequestId.acceptOrCreate("a b"));
        assertEquals(36, RequestId.acceptOrCreate(null).length());
    }
}
