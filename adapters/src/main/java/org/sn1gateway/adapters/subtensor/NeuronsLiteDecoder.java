package org.sn1gateway.adapters.subtensor;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.sn1gateway.adapters.scale.RuntimeMetadata;
import org.sn1gateway.adapters.scale.ScaleDecoder;
import org.sn1gateway.adapters.scale.ScaleException;
import org.sn1gateway.adapters.scale.ScaleReader;
import org.sn1gateway.adapters.scale.TypeDef;

/**
 * Decodes a {@code NeuronInfoRuntimeApi_get_neurons_lite} result by the types the runtime's own metadata
 * declares (looked up by name every time: ids change between runtimes), and reads the fields by name.
 */
public final class NeuronsLiteDecoder {
    public static final String METHOD = "NeuronInfoRuntimeApi_get_neurons_lite";

    private NeuronsLiteDecoder() {
    }

    public static List<NeuronInfoLite> decode(RuntimeMetadata metadata, byte[] result) {
        RuntimeMetadata.ApiMethod method = metadata.apiMethod(METHOD)
                .orElseThrow(() -> new ScaleException("the runtime metadata declares no " + METHOD));
        int output = method.output();
        ScaleReader reader = new ScaleReader(unwrapped(result, metadata, output));
        Object decoded = new ScaleDecoder(metadata).decode(output, reader);
        if (reader.remaining() != 0) {
            throw new ScaleException(reader.remaining() + " bytes left after the " + METHOD + " result");
        }
        if (!(decoded instanceof List<?> neurons)) {
            throw new ScaleException(METHOD + " does not return a list of neurons in this runtime");
        }
        return neurons.stream().map(neuron -> NeuronFields.of(asMap(neuron))).toList();
    }

    /**
     * Runtimes of 2023 to early 2025 declared the result as bytes holding the encoded list; later ones return
     * the list itself. The metadata says which, except that a result recorded on an older runtime may meet a
     * newer metadata: the wrapper shows as a first Compact equal to the bytes that follow it, while a direct
     * list starts with its neuron count, far smaller than its byte length.
     */
    private static byte[] unwrapped(byte[] result, RuntimeMetadata metadata, int output) {
        ScaleReader probe = new ScaleReader(result);
        if (result.length == 0) {
            return result;
        }
        BigInteger first = probe.compact();
        boolean declaredAsBytes = metadata.type(output) instanceof TypeDef.Sequence sequence
                && metadata.type(sequence.type()) instanceof TypeDef.Primitive primitive && primitive.kind() == 3;
        if (declaredAsBytes || first.equals(BigInteger.valueOf(probe.remaining()))) {
            return new ScaleReader(result).bytes();
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new ScaleException("a neuron is not a struct with named fields");
        }
        return (Map<String, Object>) map;
    }

}
