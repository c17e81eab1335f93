package org.sn1gateway.app.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * A uid in {@code uids} or {@code exclude}: a JSON integer or, as the original API accepts, text holding
 * one ({@code "7"}). Anything else is refused as {@link StrictInput} refuses it for any other integer.
 */
public final class UidDeserializer extends StdDeserializer<Integer> {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,10}");

    public UidDeserializer() {
        super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return context.readValue(parser, Integer.class);
        }
        String text = parser.getText().trim();
        try {
            if (INTEGER.matcher(text).matches()) {
                return Integer.valueOf(text);
            }
        } catch (NumberFormatException outOfRange) {
            // Ten digits may be more than an int holds: refused below like any other text.
        }
        return (Integer) context.handleWeirdStringValue(Integer.class, text, "not an integer");
    }
}
