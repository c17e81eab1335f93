package org.sn1gateway.adapters.wallet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sn1gateway.adapters.crypto.Bip39;
import org.sn1gateway.adapters.crypto.Sr25519KeyPair;

/**
 * Writes a hotkey file from a mnemonic exactly as the Python SDK does (bittensor.md §3.2): the six keys in its
 * order, 0x-hex values, {@code json.dumps} spacing. The public part goes beside it as {@code <hotkey>pub.txt},
 * which bittensor_wallet 4 reads. Key files are readable by their owner only, new folders enterable by him only.
 */
public final class HotkeyWriter {
    private static final ObjectWriter PYTHON_JSON = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEntrySpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(DefaultPrettyPrinter.NopIndenter.instance));
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private HotkeyWriter() {
    }

    /**
     * Writes the hotkey of a BIP-39 mnemonic to the location; refuses to replace an existing hotkey file unless
     * {@code overwrite}, since its key would be lost. Returns the hotkey written.
     */
    public static Hotkey write(WalletLocation location, String mnemonic, boolean overwrite) {
        String phrase = String.join(" ", mnemonic.strip().split("\\s+"));
        byte[] miniSecret;
        try {
            miniSecret = Bip39.miniSecret(phrase);
        } catch (IllegalArgumentException e) {
            throw new WalletException("invalid mnemonic: " + e.getMessage());
        }
        Sr25519KeyPair keys = Sr25519KeyPair.fromMiniSecret(miniSecret);
        Hotkey hotkey = new Hotkey(keys);
        Path file = location.hotkeyFile();
        if (!overwrite && Files.exists(file)) {
            throw alreadyExists(file);
        }
        byte[] privateKey = keys.privateKey();
        try {
            Files.createDirectories(file.getParent(), ownerOnly("rwx------"));
            String publicKey = hex(keys.publicKey());
            Map<String, String> secret = new LinkedHashMap<>();
            secret.put("accountId", publicKey);
            secret.put("publicKey", publicKey);
            secret.put("privateKey", hex(privateKey));
            secret.put("secretPhrase", phrase);
            secret.put("secretSeed", hex(miniSecret));
            secret.put("ss58Address", hotkey.hotkey());
            Map<String, String> pub = new LinkedHashMap<>();
            pub.put("accountId", publicKey);
            pub.put("publicKey", publicKey);
            pub.put("privateKey", null);
            pub.put("secretPhrase", null);
            pub.put("secretSeed", null);
            pub.put("ss58Address", hotkey.hotkey());
            write(file, json(secret), overwrite);
            write(file.resolveSibling(file.getFileName() + "pub.txt"), json(pub), true);
        } catch (IOException e) {
            throw new WalletException("cannot write hotkey file " + file + ": " + e.getMessage());
        } finally {
            Arrays.fill(miniSecret, (byte) 0);
            Arrays.fill(privateKey, (byte) 0);
        }
        return hotkey;
    }

    /**
     * A new file is created in place, failing if another appeared meanwhile; a replacement is written beside it
     * and moved over it, so that a failure never leaves half a key file.
     */
    private static void write(Path file, byte[] contents, boolean replace) throws IOException {
        if (!replace) {
            try (OutputStream out = Files.newOutputStream(Files.createFile(file, ownerOnly("rw-------")),
                    StandardOpenOption.WRITE)) {
                out.write(contents);
            } catch (FileAlreadyExistsException e) {
                throw alreadyExists(file);
            }
            return;
        }
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                ownerOnly("rw-------"));
        try {
            Files.write(temporary, contents);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static WalletException alreadyExists(Path file) {
        return new WalletException("hotkey file " + file + " already exists; pass --overwrite to replace it"
                + " (its key is lost unless you hold its mnemonic)");
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(permissions))} : new FileAttribute<?>[0];
    }

    private static byte[] json(Map<String, String> fields) throws JsonProcessingException {
        return PYTHON_JSON.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }
}
