package org.sn1gateway.adapters.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** sr25519 verification by the reference implementation (@polkadot/util-crypto): src/test/node/verify.mjs. */
public final class ReferenceVerifier {
    private ReferenceVerifier() {
    }

    /** Whether @polkadot accepts the {@code 0x} signature of the UTF-8 message under the {@code 0x} public key. */
    public static boolean verifies(String publicKeyHex, String message, String signatureHex)
            throws IOException, InterruptedException {
        Process node = new ProcessBuilder(List.of("node", "verify.mjs", message, signatureHex, publicKeyHex))
                .directory(AxonPeer.installedTools().toFile()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
            throw new IllegalStateException("the reference verifier failed: " + output);
        }
        return Boolean.parseBoolean(output);
    }
}
