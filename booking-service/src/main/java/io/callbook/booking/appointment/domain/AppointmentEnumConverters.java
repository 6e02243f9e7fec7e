package io.callbook.booking.appointment.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Enums are stored as the lower-case words the schema's check constraints list. */
public final class AppointmentEnumConverters {

    private AppointmentEnumConverters() {
    }

    @Converter(autoApply = true)
    public static class StatusConverter implements AttributeConverter<AppointmentStatus, String> {
        @Override
        public String convertToDatabaseColumn(AppointmentStatus status) {
            return status == null ? null : status.dbValue();
        }

        @Override
        public AppointmentStatus convertToEntityAttribute(String value) {
            return value == null ? null : AppointmentStatus.fromDb(value);
        }
    }

    @Converter(autoApply = true)
    public static class SourceConverter implements AttributeConverter<AppointmentSource, String> {
        @Override
        public String convertToDatabaseColumn(AppointmentSource source) {
            return source == null ? null : source.dbValue();
        }

        @Override
        public AppointmentSource convertToEntityAttribute(String value) {
            return value == null ? null : AppointmentSource.fromDb(value);
        }
    }
}
