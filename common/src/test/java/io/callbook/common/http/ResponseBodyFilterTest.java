package io.callbook.common.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseBodyFilterTest {

    @Test
    void etagIsStrongAndFollowsTheBytes() {
        String a = ResponseBodyFilter.strongEtag("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertTrue(a.startsWith("\"") && a.endsWith("\""), a);
        assertEquals(a, ResponseBodyFilter.strongEtag("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(a, ResponseBodyFilter.strongEtag("{\"a\":2}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ifNoneMatchAcceptsListsWeakFormAndStar() {
        assertTrue(ResponseBodyFilter.matches("\"x\", \"abc\"", "\"abc\""));
        assertTrue(ResponseBodyFilter.matches("W/\"abc\"", "\"abc\""));
        assertTrue(ResponseBodyFilter.matches("*", "\"abc\""));
        assertFalse(ResponseBodyFilter.matches("\"abd\"", "\"abc\""));
        assertFalse(ResponseBodyFilter.matches(null, "\"abc\""));
    }
}
