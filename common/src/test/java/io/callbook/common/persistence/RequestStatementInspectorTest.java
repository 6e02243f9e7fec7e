package io.callbook.common.persistence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestStatementInspectorTest {

    @Test
    void readsAreCountedAndBatchedWritesAreNot() {
        assertTrue(RequestStatementInspector.isQuery("select b1_0.id from branches b1_0 where b1_0.id=?"));
        assertTrue(RequestStatementInspector.isQuery("  /* load Branch */ SELECT 1"));
        assertTrue(RequestStatementInspector.isQuery("(select 1) union (select 2)"));
        assertTrue(RequestStatementInspector.isQuery("with due as (select id from t) select * from due"));
        assertFalse(RequestStatementInspector.isQuery("insert into outbox (id) values (?)"));
        assertFalse(RequestStatementInspector.isQuery("update outbox set published_at=? where id=?"));
        assertFalse(RequestStatementInspector.isQuery("delete from holds where id=?"));
        assertFalse(RequestStatementInspector.isQuery("/* unterminated"));
    }
}
