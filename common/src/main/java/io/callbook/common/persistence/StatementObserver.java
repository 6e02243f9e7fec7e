package io.callbook.common.persistence;

/**
 * Sees every SQL statement Hibernate sends, through {@link RequestStatementInspector}: Hibernate allows one statement
 * inspector per persistence unit, and common's takes that place in every service, so anything else that wants to see
 * the statements (a test pinning a request's query count) is a bean of this type.
 */
public interface StatementObserver {

    void observe(String sql);
}
