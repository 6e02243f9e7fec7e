package io.callbook.booking.schedule.api;

import io.callbook.booking.schedule.domain.ScheduleRuleBroken;
import io.callbook.booking.schedule.domain.StaffNotAtBranch;
import io.callbook.booking.schedule.domain.TimeOffNotFound;
import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemException;
import io.callbook.common.api.ProblemResponses;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The errors of schedules, wherever a request reaches them (time off, availability). */
public class ScheduleExceptionMappers {

    @ServerExceptionMapper
    public Response staffNotAtBranch(StaffNotAtBranch e, HttpServerRequest request) {
        return ProblemResponses.of(ProblemException.notFound("Staff " + e.staffId()).problem(), request);
    }

    @ServerExceptionMapper
    public Response timeOffNotFound(TimeOffNotFound e, HttpServerRequest request) {
        return ProblemResponses.of(ProblemException.notFound("Time off " + e.timeOffId()).problem(), request);
    }

    @ServerExceptionMapper
    public Response ruleBroken(ScheduleRuleBroken e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(422, e.rule(), e.title(), e.detail()), request);
    }
}
