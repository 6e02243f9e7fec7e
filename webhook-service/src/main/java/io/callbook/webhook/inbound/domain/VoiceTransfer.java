package io.callbook.webhook.inbound.domain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where the voice provider's transfer event says the call goes: {@code transfer_destination} beside the call (a
 * number, or an object with one), else on the call, and {@code transfer_option}'s type (e.g. {@code warm_transfer}).
 * {@code transfer_ended} may carry neither.
 */
public record VoiceTransfer(String destination, String type) {

    public static VoiceTransfer of(JsonNode body) {
        String destination = null;
        for (JsonNode candidate : new JsonNode[]{body.path("transfer_destination"),
                body.path("call").path("transfer_destination"), body.path("transfer_to")}) {
            destination = textOr(candidate, "number");
            if (destination != null) {
                break;
            }
        }
        return new VoiceTransfer(destination, textOr(body.path("transfer_option"), "type"));
    }

    /** The node itself if it is text, else its field. */
    private static String textOr(JsonNode node, String field) {
        if (node.isTextual()) {
            return node.asText().isBlank() ? null : node.asText();
        }
        return WebhookIdentities.text(node, field);
    }

    /** started, bridged, cancelled or ended: the event's name without its prefix. */
    public static String status(String eventType) {
        return eventType.substring("transfer_".length());
    }
}
