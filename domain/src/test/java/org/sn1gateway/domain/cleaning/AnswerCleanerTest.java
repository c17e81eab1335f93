package org.sn1gateway.domain.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sn1gateway.domain.cleaning.Verdict.Decision;

/** Realistic miner outputs through the standard rules: the rule that fires, or none. */
class AnswerCleanerTest {
    private static final String PROMPT = "What is the capital of France?";
    private final AnswerCleaner cleaner = AnswerCleaner.standard();

    static Stream<Arguments> completeAnswers() {
        String loop = "The answer is Paris. ".repeat(20);
        String essay = "Paris is the capital of France. It sits on the Seine in the north of the country. "
                + "It became the seat of the Capetian kings in the tenth century, and it has stayed the centre of "
                + "government, culture and commerce ever since, apart from short periods during wars.";
        return Stream.of(
                Arguments.of("", Decision.EMPTY, "empty"),
                Arguments.of("   \n\t ", Decision.EMPTY, "empty"),
                Arguments.of("...!?", Decision.FILTERED, "no_word_characters"),
                Arguments.of("🙂 🙂 ---", Decision.FILTERED, "no_word_characters"),
                Arguments.of("Paris is the capital of Fran\uFFFDe.", Decision.FILTERED, "invalid_utf8"),
                Arguments.of("I'm sorry, but I cannot help with that.", Decision.FILTERED, "refusal"),
                Arguments.of("  I’m sorry, but that is not something I can do.", Decision.FILTERED, "refusal"),
                Arguments.of("I don't know.", Decision.FILTERED, "refusal"),
                Arguments.of("As an AI language model, I have no opinions.", Decision.FILTERED, "refusal"),
                Arguments.of("**I'm unable to** browse the internet.", Decision.FILTERED, "refusal"),
                Arguments.of("Unfortunately, I cannot answer questions about politics.", Decision.FILTERED, "refusal"),
                Arguments.of("> - I'm\n\n   sorry,   but " + essay, Decision.FILTERED, "refusal"),
                Arguments.of("What is the capital of France?", Decision.FILTERED, "echo"),
                Arguments.of("what is the capital of france", Decision.FILTERED, "echo"),
                Arguments.of(loop, Decision.FILTERED, "repetition"),
                Arguments.of("Paris is the capital of France.", Decision.USABLE, null),
                Arguments.of(essay, Decision.USABLE, null),
                Arguments.of("42", Decision.USABLE, null),
                Arguments.of("I'm sorry to hear about your cat. Cats recover well from colds.", Decision.USABLE, null),
                Arguments.of("The band's hit was \"Sorry\", and I cannot stop humming it.", Decision.USABLE, null),
                Arguments.of("I can't stress enough how lovely Paris is; it is the capital.", Decision.USABLE, null),
                Arguments.of("What is the capital of France? It is Paris.", Decision.USABLE, null),
                Arguments.of("I", Decision.USABLE, null),
                Arguments.of("Ünïcödé wörks, 漢字 too 🚀", Decision.USABLE, null),
                Arguments.of("Paris. Paris. Paris.", Decision.USABLE, null));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource("completeAnswers")
    void judgesCompleteAnswers(String text, Decision decision, String rule) {
        Verdict verdict = cleaner.judgeAnswer(text, PROMPT);

        assertThat(verdict.decision()).isEqualTo(decision);
        if (rule == null) {
            assertThat(verdict.reason()).isNull();
        } else {
            assertThat(verdict.reason().code()).isEqualTo(rule);
            assertThat(verdict.reason().text()).isEqualTo(rule + ": " + verdict.reason().detail());
        }
    }

    static Stream<Arguments> openings() {
        return Stream.of(
                Arguments.of("", Decision.UNDECIDED),
                Arguments.of("  ", Decision.UNDECIDED),
                Arguments.of("**", Decision.UNDECIDED),
                Arguments.of("I", Decision.UNDECIDED),
                Arguments.of("I'm sor", Decision.UNDECIDED),
                Arguments.of("What is the", Decision.UNDECIDED),
                Arguments.of("I'm sorry, but", Decision.FILTERED),
                Arguments.of("Sorry, I can \n", Decision.UNDECIDED),
                Arguments.of("Par\uFFFD", Decision.FILTERED),
                Arguments.of("I'm so glad", Decision.USABLE),
                Arguments.of("What is the capital of France? It", Decision.USABLE),
                Arguments.of("Paris", Decision.USABLE),
                Arguments.of("The", Decision.USABLE));
    }

    @ParameterizedTest(name = "[{index}] opening \"{0}\" -> {1}")
    @MethodSource("openings")
    void judgesOpeningsWithoutWaitingLongerThanNeeded(String opening, Decision decision) {
        assertThat(cleaner.judgeOpening(opening, PROMPT).decision()).isEqualTo(decision);
    }
}
