package org.sn1gateway.adapters.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * BIP-39 English mnemonics (made from entropy and read back), and Substrate's way from a mnemonic to a mini secret (bittensor.md §3.3-3.4):
 * PBKDF2 over the mnemonic's entropy, not over its words as standard BIP-39 seeds are.
 */
public final class Bip39 {
    private static final List<String> WORDS = wordList();
    private static final Map<String, Integer> INDEX = index(WORDS);

    private Bip39() {
    }

    /** A new 12-word mnemonic: 128 bits of entropy from the given source, as the SDKs' wallet commands make. */
    public static String generate(SecureRandom random) {
        byte[] entropy = new byte[16];
        random.nextBytes(entropy);
        String mnemonic = mnemonic(entropy);
        Arrays.fill(entropy, (byte) 0);
        return mnemonic;
    }

    /**
     * The mnemonic of 16, 20, 24, 28 or 32 bytes of entropy (bittensor.md §3.3): the entropy's bits followed by
     * the first ENT/32 bits of its SHA-256, read 11 bits to a word, words separated by single spaces.
     */
    public static String mnemonic(byte[] entropy) {
        if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
            throw new IllegalArgumentException("BIP-39 entropy has 16, 20, 24, 28 or 32 bytes, not " + entropy.length);
        }
        // At most 8 checksum bits: the entropy and the first byte of its hash hold every bit a word reads.
        byte[] all = Arrays.copyOf(entropy, entropy.length + 1);
        all[entropy.length] = sha256(entropy)[0];
        int words = (entropy.length * 8 + entropy.length / 4) / 11;
        StringJoiner mnemonic = new StringJoiner(" ");
        for (int i = 0; i < words; i++) {
            mnemonic.add(WORDS.get((int) bitsAt(all, i * 11, 11)));
        }
        Arrays.fill(all, (byte) 0);
        return mnemonic.toString();
    }

    /** The mini secret of a mnemonic with the empty passphrase, as Bittensor derives hotkeys. */
    public static byte[] miniSecret(String mnemonic) {
        return miniSecret(entropy(mnemonic), "");
    }

    /** The entropy a mnemonic encodes; throws with the reason for an unknown word, count or bad checksum. */
    public static byte[] entropy(String mnemonic) {
        String[] words = mnemonic.strip().split("\\s+");
        if (!List.of(12, 15, 18, 21, 24).contains(words.length)) {
            throw new IllegalArgumentException("a mnemonic has 12, 15, 18, 21 or 24 words, not " + words.length);
        }
        int bits = words.length * 11;
        byte[] all = new byte[(bits + 7) / 8];
        for (int i = 0; i < words.length; i++) {
            Integer index = INDEX.get(words[i]);
            if (index == null) {
                throw new IllegalArgumentException("word " + (i + 1) + " is not in the BIP-39 English list");
            }
            for (int bit = 0; bit < 11; bit++) {
                if ((index >> (10 - bit) & 1) == 1) {
                    int position = i * 11 + bit;
                    all[position / 8] |= (byte) (0x80 >> (position % 8));
                }
            }
        }
        int entropyBytes = bits * 32 / 33 / 8;
        byte[] entropy = Arrays.copyOf(all, entropyBytes);
        int checksumBits = entropyBytes * 8 / 32;
        int expected = (sha256(entropy)[0] & 0xff) >> (8 - checksumBits);
        int actual = (int) bitsAt(all, entropyBytes * 8, checksumBits);
        if (expected != actual) {
            throw new IllegalArgumentException("the mnemonic's checksum does not match its words");
        }
        return entropy;
    }

    /** PBKDF2-HMAC-SHA512(password = entropy, salt = "mnemonic" + passphrase, 2048 rounds), first 32 bytes. */
    public static byte[] miniSecret(byte[] entropy, String passphrase) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA512");
            hmac.init(new SecretKeySpec(entropy, "HmacSHA512"));
            hmac.update(("mnemonic" + passphrase).getBytes(StandardCharsets.UTF_8));
            hmac.update(new byte[] {0, 0, 0, 1});
            byte[] u = hmac.doFinal();
            byte[] block = u.clone();
            for (int round = 1; round < 2048; round++) {
                u = hmac.doFinal(u);
                for (int i = 0; i < block.length; i++) {
                    block[i] ^= u[i];
                }
            }
            return Arrays.copyOf(block, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA512", e);
        }
    }

    private static long bitsAt(byte[] bytes, int from, int count) {
        long value = 0;
        for (int bit = from; bit < from + count; bit++) {
            value = (value << 1) | ((bytes[bit / 8] >> (7 - bit % 8)) & 1);
        }
        return value;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static List<String> wordList() {
        try (InputStream in = Bip39.class.getResourceAsStream("bip39-english.txt")) {
            if (in == null) {
                throw new IllegalStateException("bip39-english.txt is missing from the crypto package");
            }
            List<String> words = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (words.size() != 2048) {
                throw new IllegalStateException("the BIP-39 list must have 2048 words, has " + words.size());
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> index(List<String> words) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            index.put(words.get(i), i);
        }
        return Map.copyOf(index);
    }
}
