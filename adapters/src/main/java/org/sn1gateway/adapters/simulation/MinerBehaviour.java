package org.sn1gateway.adapters.simulation;

import java.util.Locale;
import java.util.random.RandomGenerator;

/** How a simulated miner answers: the mix a gateway meets on the real subnet. */
public enum MinerBehaviour {
    /** Starts within about a tenth of a second and streams briskly. */
    FAST(40),
    /** Takes a second or two to start, then streams slowly. */
    SLOW(20),
    /** Answers 200 with an empty body. */
    EMPTY(8),
    /** Streams "I'm sorry, but I cannot help with that." */
    REFUSAL(8),
    /** Answers HTTP 500, as a crashing axon does. */
    HTTP_ERROR(8),
    /** Accepts the request and never answers. */
    HANGING(8),
    /** Streams part of an answer, then drops the connection. */
    BROKEN_STREAM(8),

    // Never drawn at random (weight 0), only scripted by uid: a benchmark's ideal miner, then hostile or
    // badly broken ones.

    /** Sends its whole answer at once, in one write: the benchmarks' "instant miner". */
    INSTANT(0),

    /** Starts a stream and sends one byte a second, for ever (slowloris). */
    SLOWLORIS(0),
    /** Streams text as fast as it can and never ends. */
    ENDLESS(0),
    /** Streams text with bytes that are not UTF-8 among it. */
    INVALID_UTF8(0),
    /** Answers 302 to another address, which must never be followed. */
    REDIRECT(0),
    /** Answers 200, but with a JSON error body instead of a stream. */
    ERROR_TEXT(0),
    /** Answers 200 with an HTML page. */
    WRONG_CONTENT_TYPE(0),
    /** Answers with a megabyte of response headers. */
    HUGE_HEADERS(0),
    /** Streams a good answer but signs its response with another neuron's hotkey. */
    IMPERSONATOR(0);

    private final int weight;

    MinerBehaviour(int weight) {
        this.weight = weight;
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Draws a behaviour with the weights above (out of 100). */
    static MinerBehaviour draw(RandomGenerator random) {
        int ticket = random.nextInt(100);
        for (MinerBehaviour behaviour : values()) {
            ticket -= behaviour.weight;
            if (ticket < 0) {
                return behaviour;
            }
        }
        return FAST;
    }
}
