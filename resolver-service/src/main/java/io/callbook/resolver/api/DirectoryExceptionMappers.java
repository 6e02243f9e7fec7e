package io.callbook.resolver.api;

import io.callbook.common.api.BatchProblems;
import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemException;
import io.callbook.common.api.ProblemResponses;
import io.callbook.resolver.domain.BatchConflictException;
import io.callbook.resolver.domain.BranchInUseException;
import io.callbook.resolver.domain.DirectoryException;
import io.callbook.resolver.domain.DuplicateNumberException;
import io.callbook.resolver.domain.InvalidApiKeyException;
import io.callbook.resolver.domain.InvalidBatchException;
import io.callbook.resolver.domain.InvalidGroupsException;
import io.callbook.resolver.domain.InvalidLocaleException;
import io.callbook.resolver.domain.InvalidTimeZoneException;
import io.callbook.resolver.domain.NumberAlreadyAssignedException;
import io.callbook.resolver.domain.RecordNotFoundException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.TreeMap;

/** The problem each directory rule a request broke answers with. */
public class DirectoryExceptionMappers {

    @ServerExceptionMapper
    public Response directory(DirectoryException e, HttpServerRequest request) {
        return ProblemResponses.of(problem(e), request);
    }

    /** @param failure a {@link DirectoryException}, or a {@link ProblemException} from common (e.g. an invalid number) */
    static Problem problem(RuntimeException failure) {
        return switch (failure) {
            case ProblemException e -> e.problem();
            case DirectoryException e -> problem(e);
            default -> throw new IllegalArgumentException("Not a client error: " + failure, failure);
        };
    }

    static Problem problem(DirectoryException failure) {
        String detail = failure.getMessage();
        return switch (failure) {
            case RecordNotFoundException e -> Problem.of(404, "not-found", "Not found", detail);
            case InvalidApiKeyException e -> Problem.of(401, "invalid-api-key", "Invalid API key", detail);
            case InvalidGroupsException e -> Problem.of(422, "invalid-groups", "Invalid groups", detail);
            case InvalidTimeZoneException e -> Problem.of(422, "invalid-time-zone", "Invalid time zone", detail);
            case InvalidLocaleException e -> Problem.of(422, "invalid-locale", "Invalid locale", detail);
            case BranchInUseException e -> Problem.of(409, "conflict", "Conflict", detail);
            case NumberAlreadyAssignedException e -> Problem.of(409, "number-assigned", "Number already assigned", detail);
            case DuplicateNumberException e -> Problem.of(422, "duplicate-number", "Number given twice", detail);
            case InvalidBatchException e -> BatchProblems.invalid(e.failures().entrySet().stream()
                    .map(item -> BatchProblems.itemError(item.getKey(), problem(item.getValue()))).toList()).problem();
            case BatchConflictException e -> {
                TreeMap<Integer, Problem> conflicts = new TreeMap<>();
                e.conflicts().forEach((index, conflict) -> conflicts.put(index, problem(conflict)));
                yield BatchProblems.conflicts(conflicts).problem();
            }
        };
    }
}
