package org.sn1gateway.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Verification with cached per-key tables against the plain path, through hits, misses and evictions. */
class VerifyingKeysTest {
    private final Random random = new Random(23);

    @Test
    void verifiesAsThePlainPathThroughHitsMissesAndEvictions() {
        VerifyingKeys cache = new VerifyingKeys(4);
        List<Sr25519KeyPair> pairs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pairs.add(keyPair());
        }
        for (int round = 0; round < 3; round++) {
            List<Sr25519KeyPair> order = new ArrayList<>(pairs);
            Collections.shuffle(order, random);
            for (int i = 0; i < order.size(); i++) {
                Sr25519KeyPair pair = order.get(i);
                byte[] message = ("chunk " + round + " " + random.nextLong()).getBytes(StandardCharsets.UTF_8);
                byte[] signature = pair.sign(message);
                byte[] tampered = signature.clone();
                tampered[random.nextInt(63)] ^= (byte) (1 << random.nextInt(8));
                byte[] otherKey = order.get((i + 1) % order.size()).publicKey();

                assertVerifiesAsPlainPath(cache, pair.publicKey(), message, signature, true);
                assertVerifiesAsPlainPath(cache, pair.publicKey(), message, tampered, false);
                assertVerifiesAsPlainPath(cache, otherKey, message, signature, false);
                assertThat(cache.size()).isLessThanOrEqualTo(4);
            }
        }
    }

    @Test
    void keepsTheKeysUsedMostRecently() {
        VerifyingKeys cache = new VerifyingKeys(2);
        byte[] a = keyPair().publicKey();
        byte[] b = keyPair().publicKey();
        byte[] c = keyPair().publicKey();

        cache.negatedTables(a);
        cache.negatedTables(b);
        cache.negatedTables(a);
        cache.negatedTables(c);

        assertThat(cache.holds(a)).isTrue();
        assertThat(cache.holds(b)).as("least recently used").isFalse();
        assertThat(cache.holds(c)).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void givesTheSameTablesAgainForTheSameKeyAndCopiesTheKeyItKeeps() {
        VerifyingKeys cache = new VerifyingKeys(2);
        byte[] key = keyPair().publicKey();
        PointTables first = cache.negatedTables(key).orElseThrow();
        byte[] sameKey = key.clone();
        key[0] ^= 2; // whatever the caller later does with its array

        assertThat(cache.negatedTables(sameKey).orElseThrow()).isSameAs(first);
    }

    @Test
    void remembersNoKeyThatIsNotAPoint() {
        VerifyingKeys cache = new VerifyingKeys(2);
        byte[] notAPoint = HexFormat.of().parseHex("ff".repeat(31) + "7f");

        assertThat(cache.negatedTables(notAPoint)).isEmpty();
        assertThat(cache.size()).isZero();
        assertThat(Sr25519.verify(cache, notAPoint, new byte[1], keyPair().sign(new byte[1]))).isFalse();
        assertThatThrownBy(() -> new VerifyingKeys(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertVerifiesAsPlainPath(VerifyingKeys cache, byte[] publicKey, byte[] message,
                                                  byte[] signature, boolean expected) {
        assertThat(Naive.verify(publicKey, message, signature)).as("the plain path").isEqualTo(expected);
        assertThat(Sr25519.verify(cache, publicKey, message, signature)).as("with cached tables").isEqualTo(expected);
    }

    private Sr25519KeyPair keyPair() {
        byte[] miniSecret = new byte[32];
        random.nextBytes(miniSecret);
        return Sr25519KeyPair.fromMiniSecret(miniSecret);
    }
}
