package org.sn1gateway.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sn1gateway.adapters.crypto.Vectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SS58 against vectors/ss58.json (made with @polkadot/util-crypto). */
class Ss58Test {
    static Stream<Arguments> encodings() {
        return Vectors.cases("ss58.json", "encode_decode");
    }

    static Stream<Arguments> otherPayloads() {
        return Vectors.cases("ss58.json", "other_payload_lengths");
    }

    static Stream<Arguments> invalidAddresses() {
        return Vectors.cases("ss58.json", "invalid_addresses");
    }

    static Stream<Arguments> keys() {
        return Vectors.cases("sr25519.json", "keys");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void encodesAndDecodesEveryPrefix(String name, JsonNode vector) {
        byte[] key = hex(vector.get("public_key_hex"));
        int prefix = vector.get("prefix").asInt();

        assertThat(Ss58.encode(key, prefix)).isEqualTo(vector.get("address").asText());
        assertThat(Ss58.decode(vector.get("address").asText()).prefix()).isEqualTo(prefix);
        assertThat(Ss58.decode(vector.get("address").asText()).payload()).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherPayloads")
    void handlesShortAndLongPayloads(String name, JsonNode vector) {
        byte[] payload = hex(vector.get("payload_hex"));

        assertThat(Ss58.encode(payload, vector.get("prefix").asInt())).isEqualTo(vector.get("address").asText());
        assertThat(Ss58.decode(vector.get("address").asText()).payload()).isEqualTo(payload);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAddresses")
    void refusesEveryInvalidAddress(String name, JsonNode vector) {
        assertThatThrownBy(() -> Ss58.decode(vector.get("address").asText()))
                .isInstanceOf(InvalidAddressException.class).hasMessageNotContaining("Exception");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void everyKeysBittensorAddressMatches(String name, JsonNode key) {
        assertThat(Ss58.encode(hex(key.get("public_key_hex")))).isEqualTo(key.get("ss58_42").asText());
    }

    @Test
    void refusesReservedAndOutOfRangePrefixesAndOtherNetworksAddresses() {
        JsonNode vectors = Vectors.read("ss58.json");
        vectors.get("encode_errors").forEach(error -> assertThatThrownBy(() ->
                Ss58.encode(hex(error.get("public_key_hex")), error.get("prefix").asInt()))
                .isInstanceOf(InvalidAddressException.class));
        vectors.get("prefix_mismatch").forEach(mismatch -> assertThatThrownBy(() ->
                Ss58.decodePublicKey(mismatch.get("address").asText(), mismatch.get("expected_prefix").asInt()))
                .isInstanceOf(InvalidAddressException.class).hasMessageContaining("prefix"));
    }

    @Test
    void refusesAKeyLengthPayloadWithAOneByteChecksum() {
        byte[] alice = Ss58.unbase58("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
        String shortChecksum = Ss58.base58(java.util.Arrays.copyOf(alice, alice.length - 1));

        assertThatThrownBy(() -> Ss58.decode(shortChecksum)).isInstanceOf(InvalidAddressException.class)
                .hasMessageContaining("not an SS58 length");
    }
}
