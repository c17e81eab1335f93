package org.sn1gateway.adapters.crypto;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of the signers verified most recently. A gateway checks the answers of the same few hundred
 * miners over and over: decoding a key and building its {@link PointTables} costs about as much as one
 * verification, after which each verification of that key needs 64 doublings instead of 256. Bounded:
 * the key used least recently goes first. Public data only. Thread-safe; tables are built outside the
 * lock, so two threads meeting a new key at once may both build them, and one copy is kept.
 */
final class VerifyingKeys {
    /** Four times a subnet's 256 miners; a key's tables take 7.7 KB, so at most 8 MB in all. */
    static final int DEFAULT_CAPACITY = 1024;

    private final Map<Encoding, PointTables> tables;

    VerifyingKeys(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a key cache holds at least one key");
        }
        this.tables = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Encoding, PointTables> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The tables of -A for the public key A (verification subtracts k·A), or empty when the bytes do not
     * encode a ristretto255 point; such keys are not remembered.
     */
    Optional<PointTables> negatedTables(byte[] publicKey) {
        Encoding encoding = new Encoding(publicKey.clone());
        synchronized (tables) {
            PointTables known = tables.get(encoding);
            if (known != null) {
                return Optional.of(known);
            }
        }
        Optional<PointTables> built = Ristretto255.decode(publicKey).map(point -> PointTables.of(point.negate(), 8));
        built.ifPresent(table -> {
            synchronized (tables) {
                tables.putIfAbsent(encoding, table);
            }
        });
        return built;
    }

    int size() {
        synchronized (tables) {
            return tables.size();
        }
    }

    boolean holds(byte[] publicKey) {
        synchronized (tables) {
            return tables.containsKey(new Encoding(publicKey));
        }
    }

    /** A key's 32 bytes as a map key: arrays compare by identity. */
    private record Encoding(byte[] bytes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Encoding encoding && Arrays.equals(bytes, encoding.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Encoding" + Arrays.toString(bytes);
        }
    }
}
