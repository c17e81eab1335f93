package org.sn1gateway.adapters.scale;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes bytes by a type of the runtime's registry into plain values: named composites become maps,
 * other composites and tuples lists, byte sequences and arrays {@code byte[]}, integers of up to 32 bits
 * {@code Long} and wider ones and compacts {@code BigInteger}, variants a map of {@code variant} and
 * {@code value}. Nesting is bounded, so hostile types cannot exhaust the stack.
 */
public final class ScaleDecoder {
    private static final int MAX_DEPTH = 64;
    private final RuntimeMetadata metadata;

    public ScaleDecoder(RuntimeMetadata metadata) {
        this.metadata = metadata;
    }

    public Object decode(int typeId, ScaleReader reader) {
        return decode(typeId, reader, 0);
    }

    private Object decode(int typeId, ScaleReader reader, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ScaleException("types nest deeper than " + MAX_DEPTH);
        }
        return switch (metadata.type(typeId)) {
            case TypeDef.Composite composite -> composite(composite.fields(), reader, depth);
            case TypeDef.Variant variant -> variant(variant, reader, depth);
            case TypeDef.Sequence sequence -> isByte(sequence.type()) ? reader.bytes()
                    : list(sequence.type(), reader.count(1), reader, depth);
            case TypeDef.Array array -> isByte(array.type()) ? reader.take(Math.toIntExact(array.length()))
                    : list(array.type(), Math.toIntExact(array.length()), reader, depth);
            case TypeDef.Tuple tuple -> tuple.types().stream().map(type -> decode(type, reader, depth + 1)).toList();
            case TypeDef.Primitive primitive -> primitive(primitive.kind(), reader);
            case TypeDef.Compact ignored -> reader.compact();
            case TypeDef.BitSequence ignored -> reader.take((reader.compactInt() + 7) / 8);
        };
    }

    private Object composite(List<TypeDef.Field> fields, ScaleReader reader, int depth) {
        if (fields.size() == 1 && fields.getFirst().name() == null) {
            return decode(fields.getFirst().type(), reader, depth + 1); // a newtype
        }
        if (!fields.isEmpty() && fields.stream().allMatch(field -> field.name() != null)) {
            Map<String, Object> values = new LinkedHashMap<>();
            fields.forEach(field -> values.put(field.name(), decode(field.type(), reader, depth + 1)));
            return values;
        }
        return fields.stream().map(field -> decode(field.type(), reader, depth + 1)).toList();
    }

    private Object variant(TypeDef.Variant variant, ScaleReader reader, int depth) {
        int index = reader.u8();
        TypeDef.Variant.Case chosen = variant.cases().stream().filter(c -> c.index() == index).findFirst()
                .orElseThrow(() -> new ScaleException("variant index " + index + " is not defined"));
        return Map.of("variant", chosen.name(), "value", composite(chosen.fields(), reader, depth));
    }

    private List<Object> list(int itemType, int count, ScaleReader reader, int depth) {
        List<Object> items = new ArrayList<>(Math.min(count, 4096));
        for (int i = 0; i < count; i++) {
            items.add(decode(itemType, reader, depth + 1));
        }
        return items;
    }

    private boolean isByte(int typeId) {
        return metadata.type(typeId) instanceof TypeDef.Primitive primitive && primitive.kind() == 3;
    }

    private static Object primitive(int kind, ScaleReader reader) {
        return switch (kind) {
            case 0 -> reader.bool();
            case 1 -> reader.u32();
            case 2 -> reader.string();
            case 3 -> (long) reader.u8();
            case 4 -> (long) reader.u16();
            case 5 -> reader.u32();
            case 6 -> reader.unsigned(8);
            case 7 -> reader.unsigned(16);
            case 8 -> reader.unsigned(32);
            case 9, 10, 11, 12, 13, 14 -> signed(reader, 1 << (kind - 9));
            default -> throw new ScaleException("unknown primitive " + kind);
        };
    }

    private static BigInteger signed(ScaleReader reader, int size) {
        BigInteger value = reader.unsigned(size);
        return value.testBit(size * 8 - 1) ? value.subtract(BigInteger.ONE.shiftLeft(size * 8)) : value;
    }
}
