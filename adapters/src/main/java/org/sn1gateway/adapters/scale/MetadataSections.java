package org.sn1gateway.adapters.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Readers for the sections of runtime metadata, in the order they appear (bittensor.md §6.9). */
final class MetadataSections {
    private MetadataSections() {
    }

    static void types(ScaleReader reader, Map<Integer, TypeDef> types, Map<Integer, String> paths) {
        int count = reader.count(2);
        for (int i = 0; i < count; i++) {
            int id = reader.compactInt();
            List<String> path = strings(reader);
            int params = reader.count(1);
            for (int p = 0; p < params; p++) {
                reader.string();
                if (reader.bool()) {
                    reader.compactInt();
                }
            }
            types.put(id, typeDef(reader));
            strings(reader); // docs
            paths.put(id, String.join("::", path));
        }
    }

    private static TypeDef typeDef(ScaleReader reader) {
        int kind = reader.u8();
        return switch (kind) {
            case 0 -> new TypeDef.Composite(fields(reader));
            case 1 -> new TypeDef.Variant(cases(reader));
            case 2 -> new TypeDef.Sequence(reader.compactInt());
            case 3 -> new TypeDef.Array(reader.u32(), reader.compactInt());
            case 4 -> new TypeDef.Tuple(typeIds(reader));
            case 5 -> new TypeDef.Primitive(reader.u8());
            case 6 -> new TypeDef.Compact(reader.compactInt());
            case 7 -> new TypeDef.BitSequence(reader.compactInt(), reader.compactInt());
            default -> throw new ScaleException("unknown type definition " + kind + " at byte " + (reader.position() - 1));
        };
    }

    private static List<TypeDef.Field> fields(ScaleReader reader) {
        int count = reader.count(2);
        List<TypeDef.Field> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = reader.bool() ? reader.string() : null;
            int type = reader.compactInt();
            if (reader.bool()) {
                reader.string(); // type name
            }
            strings(reader); // docs
            fields.add(new TypeDef.Field(name, type));
        }
        return fields;
    }

    private static List<TypeDef.Variant.Case> cases(ScaleReader reader) {
        int count = reader.count(3);
        List<TypeDef.Variant.Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = reader.string();
            List<TypeDef.Field> fields = fields(reader);
            int index = reader.u8();
            strings(reader);
            cases.add(new TypeDef.Variant.Case(name, index, fields));
        }
        return cases;
    }

    private static List<Integer> typeIds(ScaleReader reader) {
        int count = reader.count(1);
        List<Integer> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(reader.compactInt());
        }
        return ids;
    }

    static List<String> strings(ScaleReader reader) {
        int count = reader.count(1);
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add(reader.string());
        }
        return strings;
    }

    static void pallets(ScaleReader reader, int version) {
        int count = reader.count(4);
        for (int i = 0; i < count; i++) {
            reader.string();
            if (reader.bool()) {
                storage(reader);
            }
            optionalType(reader); // calls
            optionalType(reader); // events
            int constants = reader.count(3);
            for (int c = 0; c < constants; c++) {
                reader.string();
                reader.compactInt();
                reader.bytes();
                strings(reader);
            }
            optionalType(reader); // errors
            reader.u8(); // index
            if (version == 15) {
                strings(reader);
            }
        }
    }

    private static void storage(ScaleReader reader) {
        reader.string(); // prefix
        int entries = reader.count(4);
        for (int e = 0; e < entries; e++) {
            reader.string();
            reader.u8(); // modifier
            int kind = reader.u8();
            if (kind == 0) {
                reader.compactInt();
            } else if (kind == 1) {
                reader.bytes(); // hashers, one byte each
                reader.compactInt();
                reader.compactInt();
            } else {
                throw new ScaleException("unknown storage entry type " + kind);
            }
            reader.bytes(); // default value
            strings(reader);
        }
    }

    private static void optionalType(ScaleReader reader) {
        if (reader.bool()) {
            reader.compactInt();
        }
    }

    static void extrinsic(ScaleReader reader, int version) {
        if (version == 14) {
            reader.compactInt();
            reader.u8();
        } else {
            reader.u8();
            for (int i = 0; i < 4; i++) {
                reader.compactInt(); // address, call, signature, extra
            }
        }
        int extensions = reader.count(3);
        for (int i = 0; i < extensions; i++) {
            reader.string();
            reader.compactInt();
            reader.compactInt();
        }
    }

    static List<RuntimeMetadata.ApiMethod> apis(ScaleReader reader) {
        List<RuntimeMetadata.ApiMethod> methods = new ArrayList<>();
        int apis = reader.count(3);
        for (int a = 0; a < apis; a++) {
            String api = reader.string();
            int count = reader.count(4);
            for (int m = 0; m < count; m++) {
                String name = reader.string();
                int inputCount = reader.count(2);
                List<TypeDef.Field> inputs = new ArrayList<>(inputCount);
                for (int i = 0; i < inputCount; i++) {
                    inputs.add(new TypeDef.Field(reader.string(), reader.compactInt()));
                }
                int output = reader.compactInt();
                strings(reader);
                methods.add(new RuntimeMetadata.ApiMethod(api, name, List.copyOf(inputs), output));
            }
            strings(reader);
        }
        return methods;
    }

    static void outerEnumsAndCustom(ScaleReader reader) {
        for (int i = 0; i < 3; i++) {
            reader.compactInt(); // call, event and error enums
        }
        int custom = reader.count(3);
        for (int i = 0; i < custom; i++) {
            reader.string();
            reader.compactInt();
            reader.bytes();
        }
    }
}
