package org.sn1gateway.app.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Refuses the conversions Jackson makes by default that would turn a wrong request into a different
 * valid one: a number or boolean where text is expected ({@code "messages": [1]}), a fraction where an
 * integer is ({@code "exclude": [1.5]} is not uid 1), text where a number or boolean is
 * ({@code "mixture": "true"}, {@code "k": "3"}), and a boolean where a number is or the reverse
 * ({@code "stream": 2}). A whole number still counts where a fraction may stand ({@code "timeout": 5}).
 * Only uids may still come as text, by their own deserializer ({@link UidDeserializer}).
 *
 * <p>For request bodies only: the configuration is read by the same mapper, and Dropwizard passes
 * overrides such as {@code -Ddw.chat.maxK=8} to it as text.
 */
public final class StrictInput {
    private StrictInput() {
    }

    /** A copy of the application's mapper that reads request bodies by the rules above. */
    public static ObjectMapper forRequestBodies(ObjectMapper application) {
        ObjectMapper mapper = application.copy();
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // "{...} {...}" or "{...} x" is not one JSON value: malformed, not a request with extra parts.
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Integer, CoercionInputShape.Float);
        return mapper;
    }

    private static void refuse(ObjectMapper mapper, LogicalType target, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
        }
    }
}
