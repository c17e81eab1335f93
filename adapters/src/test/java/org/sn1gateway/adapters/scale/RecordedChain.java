package org.sn1gateway.adapters.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The recorded finney chain data in the test resources' vectors/ (see its README for where it came from),
 * read from the classpath so that other modules reach it through the test-jar. A missing file fails the
 * test, never skips it.
 */
public final class RecordedChain {
    /** Runtime metadata V15 of node-subtensor spec 343, plain. */
    public static final String METADATA_343 = "metadata_343.hex";
    /** A recorded {@code NeuronInfoRuntimeApi_get_neurons_lite} result for netuid 23 and its decoded neurons. */
    public static final String NEURONS_LITE_NETUID_23 = "neurons_lite_netuid23.json";

    private RecordedChain() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = RecordedChain.class.getResourceAsStream("/vectors/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource vectors/" + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    public static byte[] hex(String name) {
        String text = text(name).strip();
        return HexFormat.of().parseHex(text.startsWith("0x") ? text.substring(2) : text);
    }

    public static JsonNode json(String name) {
        try {
            return new ObjectMapper().readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
