package io.callbook.common.persistence;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UniqueViolationsTest {

    private static final String SERVER_ERROR = """
            ERROR: duplicate key value violates unique constraint "customers_phone_idx"
              Detail: Key (company_id, phone_e164)=(0195f3a2-0000-7000-8000-000000000001, +4930123456) already exists.""";

    @Test
    void readsTheKeyOfABatchedInsertFromTheNextException() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 3 was aborted", "23505", new int[0]);
        batch.setNextException(new SQLException(SERVER_ERROR, "23505"));
        RuntimeException wrapped = new RuntimeException("could not execute batch", batch);

        assertEquals(Optional.of("0195f3a2-0000-7000-8000-000000000001, +4930123456"), UniqueViolations.collidingKey(wrapped));
    }

    @Test
    void otherFailuresNameNoKey() {
        assertEquals(Optional.empty(), UniqueViolations.collidingKey(new SQLException("deadlock detected", "40P01")));
        assertEquals(Optional.empty(), UniqueViolations.collidingKey(new IllegalStateException("no SQL at all")));
    }
}
