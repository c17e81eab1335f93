package org.sn1gateway.adapters.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/** SS58 addresses (bittensor.md §5): base58 of prefix, payload and a BLAKE2b-512 checksum. */
public final class Ss58 {
    /** Bittensor's (and generic Substrate's) network prefix. */
    public static final int BITTENSOR = 42;
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);
    private static final Set<Integer> PAYLOAD_LENGTHS = Set.of(1, 2, 4, 8, 32, 33);
    private static final byte[] CONTEXT = "SS58PRE".getBytes(StandardCharsets.US_ASCII);

    /** A decoded address. */
    public record Address(int prefix, byte[] payload) {
    }

    private Ss58() {
    }

    /** The prefix-42 address of a 32-byte public key. */
    public static String encode(byte[] publicKey) {
        return encode(publicKey, BITTENSOR);
    }

    public static String encode(byte[] payload, int prefix) {
        if (prefix < 0 || prefix > 16_383) {
            throw new InvalidAddressException("prefix " + prefix + " is out of range 0..16383");
        }
        if (prefix == 46 || prefix == 47) {
            throw new InvalidAddressException("prefix " + prefix + " is reserved");
        }
        if (!PAYLOAD_LENGTHS.contains(payload.length)) {
            throw new InvalidAddressException("an SS58 payload has 1, 2, 4, 8, 32 or 33 bytes, not " + payload.length);
        }
        byte[] prefixBytes = prefix < 64 ? new byte[] {(byte) prefix}
                : new byte[] {(byte) (((prefix & 0xfc) >> 2) | 0x40), (byte) ((prefix >> 8) | ((prefix & 0x03) << 6))};
        byte[] body = concat(prefixBytes, payload);
        return base58(concat(body, Arrays.copyOf(checksum(body), checksumLength(payload.length))));
    }

    /** The 32-byte public key of an address, which must carry {@code expectedPrefix}. */
    public static byte[] decodePublicKey(String address, int expectedPrefix) {
        Address decoded = decode(address);
        if (decoded.prefix() != expectedPrefix) {
            throw new InvalidAddressException("expected an address with prefix " + expectedPrefix + ", got prefix "
                    + decoded.prefix());
        }
        if (decoded.payload().length != 32) {
            throw new InvalidAddressException("expected a 32-byte public key, got " + decoded.payload().length + " bytes");
        }
        return decoded.payload();
    }

    public static Address decode(String address) {
        if (address == null || address.isEmpty()) {
            throw new InvalidAddressException("the address is empty");
        }
        byte[] bytes = unbase58(address);
        if (bytes.length == 0 || (bytes[0] & 0x80) != 0) {
            throw new InvalidAddressException("the address does not start with a valid prefix");
        }
        boolean twoBytePrefix = (bytes[0] & 0xff) >= 64;
        int prefixLength = twoBytePrefix ? 2 : 1;
        int rest = bytes.length - prefixLength;
        int checksumLength = rest == 34 || rest == 35 ? 2 : 1;
        int payloadLength = rest - checksumLength;
        // A key-length payload always carries two checksum bytes; 32 bytes with one is no SS58 layout.
        if (!PAYLOAD_LENGTHS.contains(payloadLength) || checksumLength(payloadLength) != checksumLength) {
            throw new InvalidAddressException("the address decodes to " + bytes.length + " bytes, not an SS58 length");
        }
        int prefix = twoBytePrefix
                ? ((bytes[0] & 0x3f) << 2) | ((bytes[1] & 0xff) >> 6) | ((bytes[1] & 0x3f) << 8)
                : bytes[0];
        if (prefix == 46 || prefix == 47) {
            throw new InvalidAddressException("prefix " + prefix + " is reserved");
        }
        byte[] body = Arrays.copyOf(bytes, prefixLength + payloadLength);
        if (!Arrays.equals(Arrays.copyOf(checksum(body), checksumLength),
                Arrays.copyOfRange(bytes, body.length, bytes.length))) {
            throw new InvalidAddressException("the address checksum does not match");
        }
        return new Address(prefix, Arrays.copyOfRange(body, prefixLength, body.length));
    }

    private static int checksumLength(int payloadLength) {
        return payloadLength >= 32 ? 2 : 1;
    }

    private static byte[] checksum(byte[] body) {
        Blake2bDigest blake = new Blake2bDigest(512);
        blake.update(CONTEXT, 0, CONTEXT.length);
        blake.update(body, 0, body.length);
        byte[] hash = new byte[64];
        blake.doFinal(hash, 0);
        return hash;
    }

    static String base58(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            BigInteger[] division = value.divideAndRemainder(BASE);
            text.append(ALPHABET.charAt(division[1].intValue()));
            value = division[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            text.append('1');
        }
        return text.reverse().toString();
    }

    /** Base58 to bytes by schoolbook multiplication: no big numbers for the decode every signature check does. */
    static byte[] unbase58(String text) {
        // Big-endian, filled from the end; a base58 digit adds less than one byte.
        byte[] value = new byte[text.length()];
        int length = 0;
        int leadingZeros = 0;
        for (int i = 0; i < text.length(); i++) {
            int digit = ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                throw new InvalidAddressException("character '" + text.charAt(i) + "' at " + i + " is not base58");
            }
            if (digit == 0 && length == 0) {
                leadingZeros++;
                continue;
            }
            int carry = digit;
            for (int j = value.length - 1; j >= value.length - length; j--) {
                carry += (value[j] & 0xff) * 58;
                value[j] = (byte) carry;
                carry >>>= 8;
            }
            for (; carry > 0; carry >>>= 8) {
                length++;
                value[value.length - length] = (byte) carry;
            }
        }
        byte[] bytes = new byte[leadingZeros + length];
        System.arraycopy(value, value.length - length, bytes, leadingZeros, length);
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
