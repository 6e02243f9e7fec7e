package io.callbook.loadtest.booking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** {@code POST /v1/appointments} and its body: the one place to adjust when the appointments contract moves. */
public final class BookingRequestBody {

    public static final String PATH = "/v1/appointments";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** ISO-8601 with offset and always with seconds, e.g. 2027-12-01T08:00:00+01:00. */
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private BookingRequestBody() {
    }

    /** @param namingStaff false leaves the staff member to booking-service: anyone free who performs the service */
    public static String json(BookingGrid.Slot slot, String customerPhone, boolean namingStaff) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("branchId", slot.branchId());
        body.put("serviceId", slot.serviceId());
        if (namingStaff) {
            body.put("staffId", slot.staffId());
        }
        body.put("start", START.format(slot.start()));
        body.put("customer", Map.of("phone", customerPhone, "name", "Load Test"));
        body.put("source", "api");
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a booking body", e);
        }
    }

    /**
     * A German mobile number, +49 17x and 7 digits. Random, so that callers are mostly new customers; two requests
     * with the same number simply book for the same customer.
     */
    public static String randomMobile() {
        return String.format("+4917%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
