package org.sn1gateway.adapters.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** sr25519 verification by the reference implementation (@polkadot/util-crypto), run with node. */
public final class ReferenceVerifier {
    private static final String SCRIPT = """
            import { sr25519Verify, cryptoWaitReady } from '@polkadot/util-crypto';
            import { hexToU8a, stringToU8a } from '@polkadot/util';
            await cryptoWaitReady();
            const [message, signature, publicKey] = process.argv.slice(1);
            console.log(sr25519Verify(stringToU8a(message), hexToU8a(signature), hexToU8a(publicKey)));
            """;

    private ReferenceVerifier() {
    }

    /** Whether @polkadot accepts the {@code 0x} signature of the UTF-8 message under the {@code 0x} public key. */
    public static boolean verifies(String publicKeyHex, String message, String signatureHex)
            throws IOException, InterruptedException {
        Process node = new ProcessBuilder(List.of("node", "--input-type=module", "-e", SCRIPT, message, signatureHex,
                publicKeyHex)).directory(AxonPeer.installedTools().toFile()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
            throw new IllegalStateException("the reference verifier failed: " + output);
        }
        return Boolean.parseBoolean(output);
    }
}
