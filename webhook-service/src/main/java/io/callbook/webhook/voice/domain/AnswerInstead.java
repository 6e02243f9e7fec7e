package io.callbook.webhook.voice.domain;

/**
 * Ends a function early with a sentence for the agent, e.g. a question for an argument it left out: the agent can
 * recover from that within the call, which a 400 would not let it do.
 */
final class AnswerInstead extends RuntimeException {

    private final transient VoiceAnswer answer;

    AnswerInstead(VoiceAnswer answer) {
        super(answer.result(), null, false, false);
        this.answer = answer;
    }

    VoiceAnswer answer() {
        return answer;
    }
}
