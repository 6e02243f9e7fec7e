package io.callbook.common.persistence;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which key a write collided with when PostgreSQL refused it for a unique index, e.g. to tell a batch's client
 * which item lost a race that the checks before the write could not see.
 */
public final class UniqueViolations {

    static final String UNIQUE_VIOLATION = "23505";
    // PostgreSQL's detail line: Key (company_id, phone_e164)=(..., +4930123) already exists.
    private static final Pattern KEY = Pattern.compile("Key \\((.+?)\\)=\\((.+?)\\) already exists");

    private UniqueViolations() {
    }

    /**
     * @return the colliding key's values as PostgreSQL writes them ("+4930123", or "<uuid>, +4930123" for a composite
     * key), or empty when the failure is no unique violation or does not say
     */
    public static Optional<String> collidingKey(Throwable failure) {
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                // Batched statements report the server's error as the next exception of a BatchUpdateException.
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState()) && s.getMessage() != null) {
                        Matcher key = KEY.matcher(s.getMessage());
                        if (key.find()) {
                            return Optional.of(key.group(2));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
