package org.sn1gateway.adapters.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Reads the reference vectors copied into vectors/ from the conformance set (made with @polkadot and schnorrkel). */
final class Vectors {
    private Vectors() {
    }

    static JsonNode read(String file) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + file)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The named cases of one list, as (name, case) arguments. */
    static Stream<Arguments> cases(String file, String list) {
        List<Arguments> cases = new ArrayList<>();
        read(file).get(list).forEach(c -> cases.add(Arguments.of(c.has("name") ? c.get("name").asText() : c.toString(), c)));
        return cases.stream();
    }

    static byte[] hex(JsonNode value) {
        String text = value.asText();
        return HexFormat.of().parseHex(text.startsWith("0x") ? text.substring(2) : text);
    }

    static String hex(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }
}
