package io.callbook.common.persistence;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The per-request tally; that statements outside a request are not counted. */
class RequestStatementsTest {

    @Test
    void onlyShapesSentAtLeastTheThresholdAreRepeated() {
        RequestStatements statements = RequestStatements.detached();
        for (int i = 0; i < 5; i++) {
            statements.count("select a from t where id=?");
        }
        statements.count("select b from u where id=?");
        statements.count("select b from u where id=?");

        Map<String, Integer> repeated = new HashMap<>();
        statements.forEachRepeated(5, repeated::put);

        assertEquals(Map.of("select a from t where id=?", 5), repeated);
        assertEquals(5, statements.highest());
    }

    @Test
    void statementsOutsideAnHttpRequestAreNotCounted() {
        assertNull(RequestStatements.start(), "no request context on a plain thread, so nothing to count in");
        assertNull(RequestStatements.current());
        assertEquals("select 1", new RequestStatementInspector(java.util.List.of()).inspect("select 1"), "statements pass unchanged");
    }
}
