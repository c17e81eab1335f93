package org.sn1gateway.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ristretto255Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void encodesTheBasePointAsRfc9496Says() {
        assertThat(HEX.formatHex(Ristretto255.encode(EdwardsPoint.BASE)))
                .isEqualTo("e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76");
        assertThat(HEX.formatHex(Ristretto255.encode(EdwardsPoint.IDENTITY))).isEqualTo("00".repeat(32));
    }

    @Test
    void multipliesTheBasePointConsistentlyAndRoundTripsEncodings() {
        byte[] three = new byte[32];
        three[0] = 3;
        EdwardsPoint byTable = Ristretto255.multiplyBase(three);
        EdwardsPoint byAddition = EdwardsPoint.BASE.add(EdwardsPoint.BASE).add(EdwardsPoint.BASE);

        assertThat(Ristretto255.encode(byTable)).isEqualTo(Ristretto255.encode(byAddition));
        assertThat(Ristretto255.encode(Ristretto255.decode(Ristretto255.encode(byTable)).orElseThrow()))
                .isEqualTo(Ristretto255.encode(byTable));
        // RFC 9496 Appendix A.1: the encoding of 2·B.
        assertThat(HEX.formatHex(Ristretto255.encode(EdwardsPoint.BASE.twice())))
                .isEqualTo("6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919");
    }

    @Test
    void refusesNonCanonicalAndNegativeEncodings() {
        assertThat(Ristretto255.decode(HEX.parseHex("01" + "00".repeat(31)))).isEmpty();
        assertThat(Ristretto255.decode(HEX.parseHex("ff".repeat(31) + "7f"))).isEmpty();
        assertThat(Ristretto255.decode(HEX.parseHex("ed" + "ff".repeat(30) + "7f"))).isEmpty();
    }
}
