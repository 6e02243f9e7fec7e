package io.callbook.webhook.voice.domain;

/** A function name this service does not offer: the agent is configured wrongly, not the caller. */
public class UnknownVoiceFunction extends RuntimeException {

    public UnknownVoiceFunction(String name) {
        super("Voice function " + name + " not found", null, false, false);
    }
}
