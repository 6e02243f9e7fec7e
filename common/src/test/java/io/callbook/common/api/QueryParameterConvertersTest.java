package io.callbook.common.api;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueryParameterConvertersTest {

    private final QueryParameterConverters converters = new QueryParameterConverters();

    @Test
    void aWellFormedQueryParameterIsConverted() {
        UUID id = UUID.randomUUID();
        assertEquals(id, converter(UUID.class, query("staffId")).fromString(" " + id + " "));
        assertEquals(LocalDate.of(2030, 1, 2), converter(LocalDate.class, query("from")).fromString("2030-01-02"));
        assertEquals(20, converter(int.class, query("limit")).fromString("20"));
    }

    @Test
    void aMalformedQueryParameterIsA400NamingIt() {
        var failure = assertThrows(QueryParameterConverters.InvalidQueryParameter.class,
                () -> converter(LocalDate.class, query("from")).fromString("2030-13-01"));
        Problem problem = failure.problem();
        assertEquals(400, problem.status());
        assertEquals("https://callbook.io/problems/invalid-parameter", problem.type().toString());
        assertEquals("from must be a date (YYYY-MM-DD); got '2030-13-01'", problem.detail());
        assertEquals("from", problem.extensions().get("parameter"));
    }

    @Test
    void pathParametersAndOtherTypesKeepTheDefaultConversion() {
        assertNull(converters.getConverter(UUID.class, UUID.class, new Annotation[] {path("id")}));
        assertNull(converters.getConverter(String.class, String.class, new Annotation[] {query("name")}));
    }

    @SuppressWarnings("unchecked")
    private <T> ParamConverter<T> converter(Class<T> type, Annotation annotation) {
        return converters.getConverter(type, type, new Annotation[] {annotation});
    }

    private static QueryParam query(String name) {
        return new QueryParam() {
            @Override
            public String value() {
                return name;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return QueryParam.class;
            }
        };
    }

    private static PathParam path(String name) {
        return new PathParam() {
            @Override
            public String value() {
                return name;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return PathParam.class;
            }
        };
    }
}
