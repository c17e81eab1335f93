package org.sn1gateway.adapters.wallet;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.sn1gateway.adapters.crypto.Sr25519KeyPair;
import org.sn1gateway.adapters.crypto.Ss58;
import org.sn1gateway.adapters.dendrite.RequestSigner;

/** A loaded validator hotkey: its address, and the key pair that signs requests to miners. */
public final class Hotkey implements RequestSigner {
    private final Sr25519KeyPair keys;
    private final String address;

    public Hotkey(Sr25519KeyPair keys) {
        this.keys = keys;
        this.address = Ss58.encode(keys.publicKey());
    }

    @Override
    public String hotkey() {
        return address;
    }

    public byte[] publicKey() {
        return keys.publicKey();
    }

    @Override
    public Optional<String> sign(String message) {
        return Optional.of("0x" + HexFormat.of().formatHex(keys.sign(message.getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public String toString() {
        return "Hotkey{" + address + "}";
    }
}
