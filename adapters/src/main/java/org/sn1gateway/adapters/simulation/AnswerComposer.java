package org.sn1gateway.adapters.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a readable answer related to the prompt: its key words framed by sentences from a small bundled
 * corpus. The same miner answers the same prompt the same way; different miners answer differently.
 */
final class AnswerComposer {
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'-]{3,}");
    private static final Set<String> STOP_WORDS = Set.of("what", "which", "when", "where", "there", "their",
            "about", "would", "could", "should", "tell", "please", "explain", "does", "with", "from", "that",
            "this", "have", "your", "into", "some", "more", "they", "them", "then", "than", "also", "were");
    private static final List<String> OPENINGS = List.of(
            "Here is a short overview of %s.",
            "Good question about %s.",
            "Let me explain %s step by step.",
            "When people ask about %s, a few points matter most.",
            "%s is worth looking at from several angles.");

    private final List<String> corpus;

    private AnswerComposer(List<String> corpus) {
        this.corpus = corpus;
    }

    static AnswerComposer withBundledCorpus() {
        try (InputStream in = AnswerComposer.class.getResourceAsStream("corpus.txt")) {
            if (in == null) {
                throw new IllegalStateException("corpus.txt is missing from the simulation package");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            return new AnswerComposer(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String compose(String prompt, long minerSeed) {
        Random random = new Random(minerSeed * 31 + prompt.hashCode());
        List<String> topics = keywords(prompt);
        String topic = topics.isEmpty() ? "this" : String.join(" and ", topics.subList(0, Math.min(2, topics.size())));
        List<String> sentences = new ArrayList<>();
        sentences.add(capitalise(String.format(Locale.ROOT, OPENINGS.get(random.nextInt(OPENINGS.size())), topic)));
        int body = 2 + random.nextInt(4);
        for (int i = 0; i < body; i++) {
            sentences.add(corpus.get(random.nextInt(corpus.size())));
        }
        sentences.add("In short, when it comes to " + topic + ", the details matter.");
        return String.join(" ", sentences);
    }

    /** Key words of the prompt's first paragraph: the question, not the instructions that may follow it. */
    static List<String> keywords(String prompt) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(prompt.strip().split("\\n\\s*\\n", 2)[0]);
        while (matcher.find() && words.size() < 3) {
            String word = matcher.group();
            String lower = word.toLowerCase(Locale.ROOT);
            // Keep the prompt's own case ("France"), but let a sentence's first word go lowercase.
            if (!STOP_WORDS.contains(lower) && seen.add(lower)) {
                words.add(matcher.start() == 0 ? lower : word);
            }
        }
        return List.copyOf(words);
    }

    private static String capitalise(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
