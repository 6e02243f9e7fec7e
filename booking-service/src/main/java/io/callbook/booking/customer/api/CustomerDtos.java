package io.callbook.booking.customer.api;

import io.callbook.booking.customer.domain.Customer;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the customer API. */
public final class CustomerDtos {

    private CustomerDtos() {
    }

    public record CustomerRequest(@NotBlank @Size(max = 64) String phone, @Size(max = 200) String name,
                                  @Email @Size(max = 320) String email,
                                  @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter region") String region) {
    }

    /** Each item is checked like a single customer's body; the whole batch is created or nothing. */
    public record CustomerBatchRequest(@Schema(required = true) List<CustomerRequest> items) {
    }

    public record CustomerBatchResponse(List<CustomerResponse> items) {
    }

    public record CustomerUpdate(@Size(min = 1, max = 200) String name, @Email @Size(max = 320) String email) {
    }

    public record CustomerResponse(UUID id, UUID companyId, String phone, String name, String email, Instant createdAt,
                                   Instant updatedAt) {
        static CustomerResponse of(Customer c) {
            return new CustomerResponse(c.id, c.companyId, c.phoneE164, c.name, c.email, c.createdAt, c.updatedAt);
        }
    }
}
