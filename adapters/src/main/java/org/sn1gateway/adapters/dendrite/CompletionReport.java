package org.sn1gateway.adapters.dendrite;

import org.sn1gateway.domain.model.TokenUsage;

/** What an OpenAI-compatible answer says about itself besides its text. Called from the call's reader. */
interface CompletionReport {
    CompletionReport NONE = new CompletionReport() {
        @Override
        public void model(String model) {
        }

        @Override
        public void usage(TokenUsage usage) {
        }
    };

    /** The model that actually answered, as the server names it. */
    void model(String model);

    /** The tokens the answer took. */
    void usage(TokenUsage usage);
}
