package io.callbook.webhook.voice.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callbook.webhook.integration.domain.Integration;
import io.callbook.webhook.integration.domain.IntegrationNotFound;
import io.callbook.webhook.integration.domain.Provider;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The voice functions as the voice platform's custom-function configuration takes them: Retell's {@code general_tools}
 * entries of type {@code custom}, each a name, a description for the agent's LLM (English: the LLM reads it, the caller
 * never hears it), the URL to call and the arguments as a JSON Schema object. The argument names are the ones
 * {@link VoiceFunctions} reads; it accepts a few more spellings, which are left out here so the LLM learns one.
 */
@ApplicationScoped
public class VoiceFunctionSchemas {

    private static final String FUNCTIONS = """
            [
              {
                "name": "check_availability",
                "description": "Find free appointment times for a service on a day or a range of up to 7 days. Call it before booking or moving an appointment, and read the answer's result to the caller.",
                "parameters": {
                  "type": "object",
                  "properties": {
                    "service": {"type": "string", "description": "The service the caller wants, as they named it (e.g. Haarschnitt)."},
                    "date": {"type": "string", "description": "The day, as ISO date (2026-12-03) or as the caller said it (morgen, nächsten Dienstag, tomorrow)."},
                    "from": {"type": "string", "description": "First day of a range, instead of date."},
                    "to": {"type": "string", "description": "Last day of a range, instead of date."},
                    "staff": {"type": "string", "description": "The staff member the caller asked for; omit for anyone."}
                  },
                  "required": ["service"]
                }
              },
              {
                "name": "book_appointment",
                "description": "Book an appointment for the caller at a free time. Retries with the same arguments book once: when the answer's error is booking_unconfirmed, say its result and call book_appointment again with exactly the same arguments to learn whether the appointment was booked.",
                "parameters": {
                  "type": "object",
                  "properties": {
                    "service": {"type": "string", "description": "The service, as the caller named it."},
                    "start": {"type": "string", "description": "Day and time, as local ISO time in the business's time zone (2026-12-03T10:00) or as the caller said it (morgen um 10 Uhr)."},
                    "staff": {"type": "string", "description": "The staff member the caller asked for; omit for anyone who is free."},
                    "customer_name": {"type": "string", "description": "The caller's name for the booking."},
                    "customer_phone": {"type": "string", "description": "Only when the caller's number is withheld or they want another number on the booking; otherwise omit."}
                  },
                  "required": ["service", "start", "customer_name"]
                }
              },
              {
                "name": "cancel_appointment",
                "description": "Cancel the caller's appointment: the one named by appointment_id, else the caller's next one. Only the caller's own appointments.",
                "parameters": {
                  "type": "object",
                  "properties": {
                    "appointment_id": {"type": "string", "description": "The id from list_my_appointments or a booking; omit for the caller's next appointment."},
                    "phone": {"type": "string", "description": "Only when asked for it: the number the appointment was booked with."}
                  },
                  "required": []
                }
              },
              {
                "name": "find_customer",
                "description": "Look up the caller by the number they call from: their name, to greet them.",
                "parameters": {
                  "type": "object",
                  "properties": {
                    "phone": {"type": "string", "description": "Only when asked for it: the caller's phone number."}
                  },
                  "required": []
                }
              },
              {
                "name": "reschedule_appointment",
                "description": "Move the caller's appointment to a new day and time, keeping service and staff member. If the time is taken, the answer offers the nearest free times that day.",
                "parameters": {
                  "type": "object",
                  "properties": {
                    "appointment_id": {"type": "string", "description": "The id from list_my_appointments; omit for the caller's next appointment."},
                    "new_start": {"type": "string", "description": "The new day and time, as local ISO time in the business's time zone (2026-12-03T11:00) or as the caller said it (morgen um 11 Uhr)."},
                    "staff": {"type": "string", "description": "Only when the caller wants another staff member; omit to keep the same."}
                  },
                  "required": ["new_start"]
                }
              },
              {
                "name": "list_my_appointments",
                "description": "List the caller's upcoming appointments (service, staff member, day and time) with their ids.",
                "parameters": {
                  "type": "object",
                  "properties": {
                    "phone": {"type": "string", "description": "Only when asked for it: the number the appointments were booked with."}
                  },
                  "required": []
                }
              }
            ]
            """;

    private final ArrayNode functions;
    private final ObjectMapper json;

    public VoiceFunctionSchemas(ObjectMapper json) {
        this.json = json;
        try {
            this.functions = (ArrayNode) json.readTree(FUNCTIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The voice functions' schemas are JSON", e);
        }
    }

    /** Without URLs, to read or to fill in by hand. */
    public List<Map<String, Object>> tools() {
        return tools(null);
    }

    /**
     * With each function's URL for one voice integration.
     *
     * @param visible which companies the caller may see
     * @param baseUrl where the voice platform reaches this service, e.g. {@code https://callbook.example.com/}
     * @throws IntegrationNotFound when the caller may not see a voice integration of this id
     */
    public List<Map<String, Object>> tools(UUID integrationId, Predicate<UUID> visible, String baseUrl) {
        Integration integration = Integration.<Integration>find("id = ?1 and deletedAt is null", integrationId)
                .firstResultOptional()
                .filter(i -> i.provider == Provider.VOICE && visible.test(i.companyId))
                .orElseThrow(() -> new IntegrationNotFound(integrationId));
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        return tools(name -> base + "v1/voice/functions/" + name + "?integration=" + integration.id);
    }

    /** Plain maps and lists: a JsonNode inside a response record would be written as a bean. */
    private List<Map<String, Object>> tools(Function<String, String> url) {
        ArrayNode tools = json.createArrayNode();
        functions.forEach(function -> {
            ObjectNode tool = tools.addObject();
            tool.put("type", "custom");
            tool.set("name", function.get("name"));
            tool.set("description", function.get("description"));
            if (url != null) {
                tool.put("url", url.apply(function.get("name").asText()));
            }
            // Every answer comes within a second and is itself the sentence to say.
            tool.put("speak_during_execution", false);
            tool.put("speak_after_execution", true);
            tool.set("parameters", function.get("parameters").deepCopy());
        });
        return json.convertValue(tools, new TypeReference<>() {
        });
    }
}
