package io.callbook.booking.customer.domain;

import io.callbook.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/** Someone who books; one per company and E.164 phone number. */
@Entity
@Table(name = "customers")
public class Customer extends VersionedEntity {

    @Column(name = "company_id", nullable = false, updatable = false)
    public UUID companyId;

    @Column(name = "phone_e164", nullable = false)
    public String phoneE164;

    public String email;

    public String name;
}
