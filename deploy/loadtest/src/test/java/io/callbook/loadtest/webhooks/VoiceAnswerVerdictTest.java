package io.callbook.loadtest.webhooks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VoiceAnswerVerdictTest {

    @Test
    void onlyTheFunctionsDataIsARealAnswer() {
        assertEquals(VoiceAnswerVerdict.REAL, VoiceAnswerVerdict.of(SignedRequest.VOICE_AVAILABILITY,
                "{\"result\":\"Service 1 is free on Wednesday 2 December at 08:00.\",\"slot_count\":3}"));
        assertEquals(VoiceAnswerVerdict.REAL, VoiceAnswerVerdict.of(SignedRequest.VOICE_BOOKING,
                "{\"result\":\"You're booked.\",\"appointment_id\":\"a1\"}"));
    }

    @Test
    void theSpokenFallbackIsOneWhateverLanguageItSpeaks() {
        String fallback = "fallback (temporarily_unavailable)";
        assertEquals(fallback, VoiceAnswerVerdict.of(SignedRequest.VOICE_AVAILABILITY, "{\"result\":\"Das kann ich "
                + "gerade leider nicht nachsehen.\",\"error\":\"temporarily_unavailable\"}"));
        assertEquals(fallback, VoiceAnswerVerdict.of(SignedRequest.VOICE_BOOKING, "{\"result\":\"I'm sorry, I can't"
                + " check that right now. Please try again in a moment.\",\"error\":\"temporarily_unavailable\"}"));
        assertEquals(fallback, VoiceAnswerVerdict.of(SignedRequest.VOICE_BOOKING,
                "{\"result\":\"Reworded.\",\"error\":\"temporarily_unavailable\"}"));
    }

    @Test
    void refusalsAndQuestionsBackAreNamed() {
        assertEquals("error slot_taken", VoiceAnswerVerdict.of(SignedRequest.VOICE_BOOKING,
                "{\"result\":\"That time is no longer free.\",\"error\":\"slot_taken\"}"));
        assertEquals("no slot_count (asks for date)", VoiceAnswerVerdict.of(SignedRequest.VOICE_AVAILABILITY,
                "{\"result\":\"Which day would you like?\",\"missing\":\"date\"}"));
        assertEquals("not JSON", VoiceAnswerVerdict.of(SignedRequest.VOICE_AVAILABILITY, "<html>"));
        assertEquals("not a JSON object", VoiceAnswerVerdict.of(SignedRequest.VOICE_AVAILABILITY, "[1]"));
    }

    @Test
    void aBookingThatMayHaveBeenMadeIsNamedSoTheCallAsksAgain() {
        String unconfirmed = "{\"result\":\"Einen Moment bitte, ich prüfe noch, ob Ihr Termin eingetragen ist.\","
                + "\"error\":\"booking_unconfirmed\"}";
        assertEquals("fallback (booking_unconfirmed)", VoiceAnswerVerdict.of(SignedRequest.VOICE_BOOKING, unconfirmed));
        assertEquals(VoiceAnswerVerdict.UNCONFIRMED_ERROR, VoiceAnswerVerdict.error(unconfirmed));
        assertEquals("", VoiceAnswerVerdict.error("{\"result\":\"Gebucht.\",\"appointment_id\":\"a1\"}"));
        assertEquals("", VoiceAnswerVerdict.error("<html>"));
    }

    @Test
    void theInboundHookIsRealWhenItNamesTheDialledBranch() {
        String identified = "{\"call_inbound\":{\"dynamic_variables\":{\"business_identified\":\"true\","
                + "\"branch_id\":\"b1\"},\"metadata\":{\"branch_id\":\"b1\"}}}";
        assertEquals(VoiceAnswerVerdict.REAL, VoiceAnswerVerdict.ofInbound(identified, "b1"));
        assertEquals("another branch", VoiceAnswerVerdict.ofInbound(identified, "b2"));
        assertEquals("fallback (directory_unavailable)", VoiceAnswerVerdict.ofInbound("{\"call_inbound\":{"
                + "\"dynamic_variables\":{\"business_identified\":\"false\"},\"metadata\":{\"reason\":"
                + "\"directory_unavailable\"}}}", "b1"));
        assertEquals("business not identified (unknown_number)", VoiceAnswerVerdict.ofInbound("{\"call_inbound\":{"
                + "\"dynamic_variables\":{\"business_identified\":\"false\"},\"metadata\":{\"reason\":"
                + "\"unknown_number\"}}}", "b1"));
        assertEquals("not JSON", VoiceAnswerVerdict.ofInbound("<html>", "b1"));
    }
}
