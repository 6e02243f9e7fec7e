package io.callbook.booking.catalog.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stored as the lower-case word the schema's check constraint lists, like the appointment enums. */
@Converter(autoApply = true)
public class HoursKindConverter implements AttributeConverter<HoursKind, String> {

    @Override
    public String convertToDatabaseColumn(HoursKind kind) {
        return kind == null ? null : kind.dbValue();
    }

    @Override
    public HoursKind convertToEntityAttribute(String value) {
        return value == null ? null : HoursKind.ofDbValue(value);
    }
}
