package org.sn1gateway.domain.service;

import java.util.List;

/** The request that turns several miners' answers into one. The question comes first, as miners weigh openings. */
final class SynthesisPrompt {
    private SynthesisPrompt() {
    }

    static String of(String question, List<String> answers) {
        StringBuilder prompt = new StringBuilder(question.strip()).append("\n\n")
                .append("Answer the question above as well as possible. Other assistants wrote the ")
                .append(answers.size()).append(" candidate answers below; combine what they got right, ")
                .append("drop what is wrong or repeated, and reply with the final answer only.\n");
        for (int i = 0; i < answers.size(); i++) {
            prompt.append("\nCandidate ").append(i + 1).append(":\n").append(answers.get(i).strip()).append('\n');
        }
        return prompt.toString();
    }
}
