package org.sn1gateway.adapters.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Counts as OpenAI's tiktoken does with o200k_base (the figures are tiktoken's). */
class JtokkitTokenCounterTest {
    private final JtokkitTokenCounter counter = new JtokkitTokenCounter();

    @Test
    void countsAsTiktokensO200kBase() {
        assertThat(counter.count("hello world")).isEqualTo(2);
        assertThat(counter.count("What is the capital of France?")).isEqualTo(7);
        assertThat(counter.count("")).isZero();
    }

    @Test
    void countsSpecialTokenMarkersInClientTextAsOrdinaryText() {
        assertThat(counter.count("<|endoftext|>")).isGreaterThan(1);
    }

    @Test
    void aTokenIsNotFourCharacters() {
        String word = "antidisestablishmentarianism ";
        assertThat(counter.count(word.repeat(10))).isNotEqualTo(word.length() * 10 / 4);
    }
}
