package org.sn1gateway.adapters.scale;

import java.util.List;

/** A type of the runtime's portable type registry (bittensor.md §6.9). */
public sealed interface TypeDef {
    /** A field of a composite or variant; {@code name} is null for tuple-like fields. */
    record Field(String name, int type) {
    }

    record Composite(List<Field> fields) implements TypeDef {
    }

    record Variant(List<Case> cases) implements TypeDef {
        public record Case(String name, int index, List<Field> fields) {
        }
    }

    record Sequence(int type) implements TypeDef {
    }

    record Array(long length, int type) implements TypeDef {
    }

    record Tuple(List<Integer> types) implements TypeDef {
    }

    /** 0 bool, 1 char, 2 str, 3..8 u8..u256, 9..14 i8..i256. */
    record Primitive(int kind) implements TypeDef {
    }

    record Compact(int type) implements TypeDef {
    }

    record BitSequence(int store, int order) implements TypeDef {
    }
}
