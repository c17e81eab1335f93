package org.sn1gateway.adapters.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The recorded chain data of shared/vectors, read where it lies (it came from a public repository and is
 * not copied into the project). A missing file fails the test, never skips it.
 */
public final class SharedVectors {
    private SharedVectors() {
    }

    public static Path file(String name) {
        Path path = Path.of(System.getProperty("sn1.shared.dir", "../../shared"), "vectors", name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path.toAbsolutePath() + " not found: shared/ must lie beside the checkout");
        }
        return path;
    }

    public static byte[] hexFile(String name) {
        try {
            String text = Files.readString(file(name)).strip();
            return HexFormat.of().parseHex(text.startsWith("0x") ? text.substring(2) : text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
