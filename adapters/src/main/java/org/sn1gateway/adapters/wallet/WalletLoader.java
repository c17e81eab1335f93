package org.sn1gateway.adapters.wallet;

import java.util.Arrays;
import org.sn1gateway.adapters.crypto.Bip39;
import org.sn1gateway.adapters.crypto.InvalidAddressException;
import org.sn1gateway.adapters.crypto.Sr25519KeyPair;
import org.sn1gateway.adapters.crypto.Ss58;

/**
 * Loads a hotkey as both SDKs do (bittensor.md §3.2): from {@code secretSeed}, else {@code secretPhrase},
 * else {@code privateKey}; the derived public key must equal the file's.
 */
public final class WalletLoader {
    private WalletLoader() {
    }

    public static Hotkey load(WalletLocation location) {
        HotkeyFile file = HotkeyFile.read(location.hotkeyFile());
        Sr25519KeyPair keys = keys(file);
        byte[] derived = keys.publicKey();
        file.publicKey().ifPresent(stated -> requireSame(file, derived, stated, "publicKey"));
        file.ss58Address().ifPresent(address -> requireSame(file, derived, decode(file, address), "ss58Address"));
        return new Hotkey(keys);
    }

    private static Sr25519KeyPair keys(HotkeyFile file) {
        try {
            if (file.secretSeed().isPresent()) {
                return Sr25519KeyPair.fromMiniSecret(file.secretSeed().get());
            }
            if (file.secretPhrase().isPresent()) {
                return Sr25519KeyPair.fromMiniSecret(Bip39.miniSecret(file.secretPhrase().get()));
            }
            if (file.privateKey().isPresent()) {
                return Sr25519KeyPair.fromPrivateKey(file.privateKey().get());
            }
        } catch (IllegalArgumentException e) {
            throw new WalletException("hotkey file " + file.path() + ": " + e.getMessage());
        }
        throw new WalletException("hotkey file " + file.path() + " holds no secret (secretSeed, secretPhrase or"
                + " privateKey): it is a public key file");
    }

    private static byte[] decode(HotkeyFile file, String address) {
        try {
            return Ss58.decodePublicKey(address, Ss58.BITTENSOR);
        } catch (InvalidAddressException e) {
            throw new WalletException("hotkey file " + file.path() + ": ss58Address is invalid: " + e.getMessage());
        }
    }

    private static void requireSame(HotkeyFile file, byte[] derived, byte[] stated, String field) {
        if (!Arrays.equals(derived, stated)) {
            throw new WalletException("hotkey file " + file.path() + ": the key derived from its secret does not match"
                    + " its " + field);
        }
    }
}
