package org.sn1gateway.adapters.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The contents of a hotkey file in either SDK's format (bittensor.md §3.2): the Python SDK writes all six
 * keys with nulls, bittensor_wallet omits absent ones. Holds secret material: {@link #toString} shows none.
 */
public final class HotkeyFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ENCRYPTED_PREFIXES = List.of("$NACL", "$ANSIBLE_VAULT", "gAAAAA");
    private static final Pattern HEX_32 = Pattern.compile("0x[0-9a-fA-F]{64}");
    private static final Pattern HEX_64 = Pattern.compile("0x[0-9a-fA-F]{128}");

    private final Path path;
    private final JsonNode json;

    private HotkeyFile(Path path, JsonNode json) {
        this.path = path;
        this.json = json;
    }

    public static HotkeyFile read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new WalletException("hotkey file not found: " + path);
        } catch (IOException e) {
            throw new WalletException("cannot read hotkey file " + path + ": " + reason(path, e));
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        ENCRYPTED_PREFIXES.stream().filter(text::startsWith).findFirst().ifPresent(prefix -> {
            throw new WalletException("hotkey file " + path + " is encrypted (" + prefix
                    + "); the gateway needs an unencrypted hotkey");
        });
        try {
            JsonNode json = JSON.readTree(text);
            if (json == null || !json.isObject()) {
                throw new WalletException("hotkey file " + path + " is not a JSON object");
            }
            return new HotkeyFile(path, json);
        } catch (IOException e) {
            throw new WalletException("hotkey file " + path + " is not valid JSON");
        }
    }

    /** Why a file could not be read, without the path that the JDK's messages repeat (or give alone). */
    private static String reason(Path path, IOException e) {
        if (Files.isDirectory(path)) {
            return "it is a folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e instanceof FileSystemException files && files.getReason() != null ? files.getReason() : e.getMessage();
    }

    public Path path() {
        return path;
    }

    /** The 32-byte mini secret; a value that is not 0x + 64 hex digits counts as absent (§3.2). */
    public Optional<byte[]> secretSeed() {
        return text("secretSeed").filter(seed -> HEX_32.matcher(seed).matches()).map(HotkeyFile::hex);
    }

    public Optional<String> secretPhrase() {
        return text("secretPhrase").filter(phrase -> !phrase.isBlank());
    }

    /** The 64-byte schnorrkel secret key (scalar then nonce). */
    public Optional<byte[]> privateKey() {
        Optional<String> key = text("privateKey");
        if (key.isPresent() && !HEX_64.matcher(key.get()).matches()) {
            throw new WalletException("hotkey file " + path + ": privateKey is not 0x followed by 128 hex digits");
        }
        return key.map(HotkeyFile::hex);
    }

    public Optional<byte[]> publicKey() {
        return text("publicKey").or(() -> text("accountId")).filter(key -> HEX_32.matcher(key).matches())
                .map(HotkeyFile::hex);
    }

    public Optional<String> ss58Address() {
        return text("ss58Address");
    }

    private Optional<String> text(String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() || !value.isTextual() ? Optional.empty() : Optional.of(value.asText());
    }

    private static byte[] hex(String prefixed) {
        return HexFormat.of().parseHex(prefixed.substring(2));
    }

    @Override
    public String toString() {
        return "HotkeyFile{" + path + ", ss58Address=" + ss58Address().orElse("?") + "}";
    }
}
