package io.callbook.webhook.voice.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.cache.OutageLog;
import io.callbook.common.cache.RedisCacheStore;
import io.callbook.webhook.voice.domain.CallBookings;
import io.callbook.webhook.voice.domain.VoiceBooking.Appointment;
import io.callbook.webhook.voice.domain.VoiceConfig;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One Redis hash per call (field: the appointment's id), kept as long as an unanswered attempt is remembered. Written
 * from the booking events' consumer, read only by a booking attempt that booking-service did not answer.
 */
@ApplicationScoped
public class RedisCallBookings implements CallBookings {

    private static final String PREFIX = "callbook:voice:call-bookings:";
    /** A booking attempt reads with a caller on the line; the consumer writes with nobody waiting. */
    private static final Duration READ_TIMEOUT = Duration.ofMillis(150);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(2);
    private static final String MADE = """
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1""";
    private static final String GONE = "return redis.call('HDEL', KEYS[1], ARGV[1])";
    private static final String ALL = "return redis.call('HVALS', KEYS[1])";

    private final RedisCacheStore redis;
    private final ObjectMapper json;
    private final VoiceConfig config;
    private final OutageLog outageLog = new OutageLog(RedisCallBookings.class);

    public RedisCallBookings(RedisCacheStore redis, ObjectMapper json, VoiceConfig config) {
        this.redis = redis;
        this.json = json;
        this.config = config;
    }

    @Override
    public void made(UUID companyId, String callId, Appointment appointment) {
        try {
            redis.evalInBackground(MADE, List.of(key(companyId, callId)), List.of(appointment.id().toString(),
                    json.writeValueAsString(appointment), Long.toString(config.unansweredAttemptMemory().toMillis())),
                    WRITE_TIMEOUT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An appointment is always serialisable", e);
        } catch (RuntimeException e) {
            outageLog.warn("A call's booking could not be noted (Redis: %s); an unanswered attempt of it stays in "
                    + "doubt", e.toString());
        }
    }

    @Override
    public void gone(UUID companyId, String callId, UUID appointmentId) {
        try {
            redis.evalInBackground(GONE, List.of(key(companyId, callId)), List.of(appointmentId.toString()),
                    WRITE_TIMEOUT);
        } catch (RuntimeException e) {
            outageLog.warn("A call's cancelled booking could not be dropped (Redis: %s)", e.toString());
        }
    }

    @Override
    public List<Appointment> of(UUID companyId, String callId) {
        Response values;
        try {
            values = redis.eval(ALL, List.of(key(companyId, callId)), List.of(), READ_TIMEOUT);
        } catch (RuntimeException e) {
            outageLog.warn("A call's bookings could not be read (Redis: %s); its booking stays in doubt", e.toString());
            return List.of();
        }
        List<Appointment> appointments = new ArrayList<>();
        if (values != null) {
            for (Response value : values) {
                try {
                    appointments.add(json.readValue(value.toString(), Appointment.class));
                } catch (JsonProcessingException e) {
                    outageLog.warn("A call's noted booking is unreadable (%s); skipped", e.toString());
                }
            }
        }
        return appointments;
    }

    private static String key(UUID companyId, String callId) {
        return PREFIX + companyId + ":" + callId;
    }
}
