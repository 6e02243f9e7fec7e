package io.callbook.resolver.api;

import io.callbook.common.api.BatchProblems;
import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemException;
import io.callbook.common.api.ProblemResponses;
import io.callbook.resolver.domain.BatchConflict;
import io.callbook.resolver.domain.BranchInUse;
import io.callbook.resolver.domain.CompanyUnavailable;
import io.callbook.resolver.domain.DirectoryException;
import io.callbook.resolver.domain.DuplicateNumber;
import io.callbook.resolver.domain.InvalidApiKey;
import io.callbook.resolver.domain.InvalidBatch;
import io.callbook.resolver.domain.InvalidGroups;
import io.callbook.resolver.domain.InvalidLocale;
import io.callbook.resolver.domain.InvalidServiceCredential;
import io.callbook.resolver.domain.InvalidTimeZone;
import io.callbook.resolver.domain.NumberAlreadyAssigned;
import io.callbook.resolver.domain.RecordNotFound;
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
            case RecordNotFound e -> Problem.of(404, "not-found", "Not found", detail);
            case InvalidApiKey e -> Problem.of(401, "invalid-api-key", "Invalid API key", detail);
            case InvalidServiceCredential e -> Problem.of(401, "invalid-service-credential", "Invalid service credential",
                    detail);
            case CompanyUnavailable e -> Problem.of(403, "company-unavailable", "Company suspended or deleted", detail);
            case InvalidGroups e -> Problem.of(422, "invalid-groups", "Invalid groups", detail);
            case InvalidTimeZone e -> Problem.of(422, "invalid-time-zone", "Invalid time zone", detail);
            case InvalidLocale e -> Problem.of(422, "invalid-locale", "Invalid locale", detail);
            case BranchInUse e -> Problem.of(409, "conflict", "Conflict", detail);
            case NumberAlreadyAssigned e -> Problem.of(409, "number-assigned", "Number already assigned", detail);
            case DuplicateNumber e -> Problem.of(422, "duplicate-number", "Number given twice", detail);
            case InvalidBatch e -> BatchProblems.invalid(e.failures().entrySet().stream()
                    .map(item -> BatchProblems.itemError(item.getKey(), problem(item.getValue()))).toList()).problem();
            case BatchConflict e -> {
                TreeMap<Integer, Problem> conflicts = new TreeMap<>();
                e.conflicts().forEach((index, conflict) -> conflicts.put(index, problem(conflict)));
                yield BatchProblems.conflicts(conflicts).problem();
            }
        };
    }
}
