package org.sn1gateway.adapters.scale;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runtime metadata V14 or V15 (bittensor.md §6.9), parsed whole: nothing in it is length-prefixed, so
 * reaching V15's runtime APIs means reading every section before them. Keeps the type registry and the
 * runtime API methods; the rest is read and checked, not kept.
 */
public final class RuntimeMetadata {
    private static final int MAGIC = 0x6174656d; // "meta", little-endian

    /** A runtime API method's signature. */
    public record ApiMethod(String api, String name, List<TypeDef.Field> inputs, int output) {
    }

    private final int version;
    private final Map<Integer, TypeDef> types;
    private final Map<Integer, String> pathById;
    private final Map<String, ApiMethod> methods;

    private RuntimeMetadata(int version, Map<Integer, TypeDef> types, Map<Integer, String> pathById,
                            Map<String, ApiMethod> methods) {
        this.version = version;
        this.types = Map.copyOf(types);
        this.pathById = Map.copyOf(pathById);
        this.methods = Map.copyOf(methods);
    }

    /** Parses metadata bytes (starting with "meta"); throws unless every byte is consumed. */
    public static RuntimeMetadata parse(byte[] bytes) {
        ScaleReader reader = new ScaleReader(bytes);
        if (reader.u32() != MAGIC) {
            throw new ScaleException("runtime metadata must start with \"meta\"");
        }
        int version = reader.u8();
        if (version != 14 && version != 15) {
            throw new ScaleException("runtime metadata V" + version + " is not supported (V14 and V15 are)");
        }
        Map<Integer, TypeDef> types = new HashMap<>();
        Map<Integer, String> paths = new HashMap<>();
        MetadataSections.types(reader, types, paths);
        MetadataSections.pallets(reader, version);
        MetadataSections.extrinsic(reader, version);
        reader.compactInt(); // the runtime type
        Map<String, ApiMethod> methods = new HashMap<>();
        if (version == 15) {
            MetadataSections.apis(reader).forEach(method -> methods.put(method.api() + "_" + method.name(), method));
            MetadataSections.outerEnumsAndCustom(reader);
        }
        if (reader.remaining() != 0) {
            throw new ScaleException(reader.remaining() + " bytes left after the runtime metadata");
        }
        return new RuntimeMetadata(version, types, paths, methods);
    }

    public int version() {
        return version;
    }

    public TypeDef type(int id) {
        TypeDef type = types.get(id);
        if (type == null) {
            throw new ScaleException("type " + id + " is not in the registry");
        }
        return type;
    }

    /** The type's path, such as {@code pallet_subtensor::rpc_info::neuron_info::NeuronInfoLite} (may be empty). */
    public String path(int id) {
        return pathById.getOrDefault(id, "");
    }

    /** A runtime API method by its call name, {@code NeuronInfoRuntimeApi_get_neurons_lite}; V15 only. */
    public Optional<ApiMethod> apiMethod(String callName) {
        return Optional.ofNullable(methods.get(callName));
    }

    public int typeCount() {
        return types.size();
    }

}
