package io.callbook.booking.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Locale;

/** Enums are stored as the lower-case words the schema's check constraints list. */
public final class BookingEnumConverters {

    private BookingEnumConverters() {
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

    @Converter(autoApply = true)
    public static class HoursKindConverter implements AttributeConverter<HoursKind, String> {
        @Override
        public String convertToDatabaseColumn(HoursKind kind) {
            return kind == null ? null : kind.dbValue();
        }

        @Override
        public HoursKind convertToEntityAttribute(String value) {
            return value == null ? null : HoursKind.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
