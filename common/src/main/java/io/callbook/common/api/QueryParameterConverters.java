package io.callbook.common.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Typed query parameters whose text is malformed answer 400 naming the parameter. JAX-RS answers a failed query
 * parameter conversion with 404, as if the resource did not exist, which tells a client nothing about its mistake.
 * Path parameters keep the 404: a malformed id names nothing.
 */
@Provider
public class QueryParameterConverters implements ParamConverterProvider {

    private static final Map<Class<?>, Parser> PARSERS = Map.of(
            UUID.class, new Parser("an id (UUID)", UUID::fromString),
            LocalDate.class, new Parser("a date (YYYY-MM-DD)", LocalDate::parse),
            OffsetDateTime.class, new Parser("a date and time with offset (ISO 8601)", OffsetDateTime::parse),
            Instant.class, new Parser("an instant (ISO 8601, UTC)", Instant::parse),
            Integer.class, new Parser("a whole number", Integer::valueOf),
            int.class, new Parser("a whole number", Integer::valueOf),
            Long.class, new Parser("a whole number", Long::valueOf),
            long.class, new Parser("a whole number", Long::valueOf));

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Parser parser = PARSERS.get(rawType);
        String name = queryParameterName(annotations);
        if (parser == null || name == null) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<Object>() {
            @Override
            public Object fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parser.parse().apply(value.strip());
                } catch (RuntimeException e) {
                    throw new InvalidQueryParameter(name, "must be " + parser.expected() + "; got '" + value + "'");
                }
            }

            @Override
            public String toString(Object value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String queryParameterName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
        }
        return null;
    }

    private record Parser(String expected, Function<String, Object> parse) {
    }

    /** A web application exception, so JAX-RS passes it on instead of turning it into its 404. */
    static final class InvalidQueryParameter extends BadRequestException {

        private final String parameter;

        InvalidQueryParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        Problem problem() {
            return Problem.of(400, "invalid-parameter", "Invalid parameter", parameter + " " + getMessage())
                    .with("parameter", parameter);
        }
    }
}
