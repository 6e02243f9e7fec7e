package io.callbook.perfops.analysis.domain;

import java.util.List;

/**
 * An existing index.
 *
 * @param columns          its key columns in order, as pg_get_indexdef shows each (a column name, or an expression)
 * @param predicate        the WHERE of a partial index, else null
 * @param backsConstraint  a primary key, unique or exclusion constraint uses it
 * @param scans            index scans since the statistics were reset
 */
public record IndexInfo(String schema, String table, String name, List<String> columns, String method, String predicate,
                        boolean unique, boolean primary, boolean valid, boolean backsConstraint, long scans, long bytes,
                        String definition) {

    public IndexInfo {
        columns = List.copyOf(columns);
    }

    public boolean on(String schema, String table) {
        return this.schema.equals(schema) && this.table.equals(table);
    }

    public String qualifiedName() {
        return Sql.identifier(schema) + "." + Sql.identifier(name);
    }
}
