package io.callbook.webhook.voice.infra;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.callbook.common.contracts.booking.AvailabilityData;
import io.quarkus.rest.client.reactive.ClientQueryParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The part of booking-service's API the voice functions and calendar sync use. Its bodies are read tolerantly (only the fields needed
 * here), so booking-service can add fields without breaking this service. Paths sit on the methods: {@code @Path} on
 * a type marks a resource.
 */
@RegisterRestClient(configKey = "booking")
@Produces(MediaType.APPLICATION_JSON)
public interface BookingClient {

    String IDEMPOTENCY_KEY = "Idempotency-Key";

    @GET
    @Path("/v1/companies/{companyId}/services")
    Page<Service> services(@PathParam("companyId") UUID companyId, @QueryParam("limit") int limit,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/v1/companies/{companyId}/services/{serviceId}")
    Service service(@PathParam("companyId") UUID companyId, @PathParam("serviceId") UUID serviceId,
                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/v1/companies/{companyId}/staff/{staffId}")
    StaffDetail staffMember(@PathParam("companyId") UUID companyId, @PathParam("staffId") UUID staffId,
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/v1/companies/{companyId}/staff")
    Page<Staff> staff(@PathParam("companyId") UUID companyId, @QueryParam("branchId") UUID branchId,
                      @QueryParam("limit") int limit, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/v1/branches/{branchId}/availability")
    @ClientQueryParam(name = "withStaff", value = "false")
    Availability availability(@PathParam("branchId") UUID branchId, @QueryParam("serviceId") UUID serviceId,
                              @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                              @QueryParam("staffId") UUID staffId,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/v1/appointments")
    @Consumes(MediaType.APPLICATION_JSON)
    Appointment book(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, Booking booking,
                     @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/v1/appointments/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    Appointment cancel(@PathParam("id") UUID id, Cancellation cancellation,
                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/v1/appointments/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    Appointment reschedule(@PathParam("id") UUID id, Rescheduling rescheduling,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/v1/appointments/{id}")
    Appointment appointment(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/v1/appointments")
    Page<Appointment> bySource(@QueryParam("source") String source, @QueryParam("externalRef") String externalRef,
                               @QueryParam("limit") int limit, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/v1/appointments")
    Page<Appointment> appointments(@QueryParam("customerId") UUID customerId, @QueryParam("from") Instant from,
                                   @QueryParam("status") String status, @QueryParam("limit") int limit,
                                   @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/v1/companies/{companyId}/customers")
    Page<Customer> customers(@PathParam("companyId") UUID companyId, @QueryParam("phone") String phone,
                             @QueryParam("region") String region,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page<T>(List<T> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Service(UUID id, String name, int durationMinutes, boolean active, Long priceCents, String currency) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Staff(UUID id, String name, boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StaffDetail(UUID id, UUID branchId, Set<UUID> serviceIds, boolean active) {
    }

    record Booking(UUID branchId, UUID serviceId, UUID staffId, String start, Person customer, String notes,
                   String source, String externalRef) {
    }

    record Person(String phone, String name, String email) {
    }

    /** @param externalRef null keeps the appointment's reference */
    record Rescheduling(String start, String externalRef) {
    }

    record Cancellation(String reason) {
    }

    /**
     * {@link AvailabilityData} asked for without each slot's staff, its slots' times left as text: a day holds dozens of
     * slots and a week hundreds, and turning all of them into values (with twenty staff ids each, as booking-service
     * sends them by default) was a tenth of webhook-service's CPU during voice functions, while the caller hears three
     * slots and the agent gets twenty (BookingGateway#freeSlots turns those into values).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Availability(List<Day> days) {

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Day(List<Slot> slots) {
        }

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Slot(String start, String end) {
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Appointment(UUID id, UUID branchId, UUID serviceId, UUID staffId, UUID customerId, String status,
                       Instant start, Instant end, String externalRef) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Customer(UUID id, String phone, String name) {
    }

    /** An RFC 9457 problem: the sentence the agent speaks, or the reason a calendar event cannot be applied. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String type, String title, int status, String detail) {
    }

    // Rescheduling and listing

    @POST
    @Path("/v1/appointments/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    Appointment move(@PathParam("id") UUID id, Move move,
                     @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** @param staffId null keeps the appointment's staff member */
    record Move(String start, UUID staffId) {
    }

    // Inbound hook: the caller and the business

    @GET
    @Path("/v1/companies/{companyId}/branches/{branchId}/opening-hours")
    OpeningHours openingHours(@PathParam("companyId") UUID companyId, @PathParam("branchId") UUID branchId,
                              @QueryParam("date") LocalDate date,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OpeningHours(List<Range> open) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Range(OffsetDateTime start, OffsetDateTime end) {
    }
}
