package org.sn1gateway.adapters.dendrite;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The signed messages and headers of Epistula v2, the protocol of current Subnet 1 miners (bittensor.md §2.2). */
public final class EpistulaSigning {
    public static final String VERSION = "2";

    private EpistulaSigning() {
    }

    /** {@code sha256_hex(body).uuid.timestamp.signed_for}, with an empty {@code signed_for} when not addressed. */
    public static String requestMessage(byte[] body, String uuid, long timestampMillis, String signedFor) {
        return sha256Hex(body) + "." + uuid + "." + timestampMillis + "." + (signedFor == null ? "" : signedFor);
    }

    /**
     * The three secret-signature messages. The validator computes the interval with a float, so Python
     * prints it with a trailing {@code .0}, and the neighbours are one millisecond apart, not one interval.
     */
    public static List<String> secretMessages(long timestampMillis, String signedFor) {
        double interval = Math.ceil(timestampMillis / 1e4) * 1e4;
        return List.of(pythonFloat(interval - 1) + "." + signedFor, pythonFloat(interval) + "." + signedFor,
                pythonFloat(interval + 1) + "." + signedFor);
    }

    /** Every Epistula header, signed by {@code signer}, for a request addressed to {@code signedFor}. */
    public static Map<String, String> headers(RequestSigner signer, byte[] body, String uuid, long timestampMillis,
                                              String signedFor) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Epistula-Version", VERSION);
        headers.put("Epistula-Timestamp", Long.toString(timestampMillis));
        headers.put("Epistula-Uuid", uuid);
        headers.put("Epistula-Signed-By", signer.hotkey());
        signer.sign(requestMessage(body, uuid, timestampMillis, signedFor))
                .ifPresent(signature -> headers.put("Epistula-Request-Signature", signature));
        if (signedFor != null) {
            headers.put("Epistula-Signed-For", signedFor);
            List<String> secrets = secretMessages(timestampMillis, signedFor);
            for (int i = 0; i < secrets.size(); i++) {
                String header = "Epistula-Secret-Signature-" + i;
                signer.sign(secrets.get(i)).ifPresent(signature -> headers.put(header, signature));
            }
        }
        return headers;
    }

    /** CPython's {@code str()} of a float holding a whole number below 10^16: {@code 1722470410000.0}. */
    static String pythonFloat(double wholeNumber) {
        return (long) wholeNumber + ".0";
    }

    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

}
