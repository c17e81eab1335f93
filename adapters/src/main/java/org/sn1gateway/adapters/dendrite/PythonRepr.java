package org.sn1gateway.adapters.dendrite;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The text CPython's {@code str()} gives JSON-like values: the classic synapse protocol hashes
 * {@code str(messages)} (bittensor.md §1.5), and Epistula validators mirror body fields into headers as
 * {@code str(value)} (§2.1). A miner recomputes these in Python, so every character must match.
 */
public final class PythonRepr {
    private PythonRepr() {
    }

    /** {@code str(list_of_str)}: {@code "[" + ", ".join(repr(s)) + "]"}. */
    public static String ofList(List<String> items) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            appendRepr(text, items.get(i));
        }
        return text.append(']').toString();
    }

    /**
     * {@code str(value)} for what JSON decodes to in Python: a string is itself, containers and the rest are
     * their {@code repr} ({@code True}, {@code None}, {@code {'top_p': 0.95}}).
     */
    public static String str(Object value) {
        return value instanceof String text ? text : repr(value);
    }

    private static String repr(Object value) {
        return switch (value) {
            case null -> "None";
            case String text -> of(text);
            case Boolean flag -> flag ? "True" : "False";
            case Double number -> pythonFloat(number);
            case Float number -> pythonFloat(number.doubleValue());
            case Number number -> number.toString();
            case Map<?, ?> map -> map.entrySet().stream()
                    .map(entry -> repr(entry.getKey()) + ": " + repr(entry.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
            case List<?> list -> list.stream().map(PythonRepr::repr).collect(Collectors.joining(", ", "[", "]"));
            default -> throw new IllegalArgumentException("no Python equivalent for " + value.getClass());
        };
    }

    /** CPython's float repr: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
    static String pythonFloat(double number) {
        if (Double.isNaN(number)) {
            return "nan";
        }
        if (Double.isInfinite(number)) {
            return number > 0 ? "inf" : "-inf";
        }
        double magnitude = Math.abs(number);
        if (magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e16)) {
            String plain = new BigDecimal(Double.toString(number)).stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String[] parts = Double.toString(number).split("E");
        String mantissa = parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
        int exponent = Integer.parseInt(parts[1]);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    }

    /** {@code repr(s)} for a Python {@code str}. */
    public static String of(String value) {
        StringBuilder text = new StringBuilder(value.length() + 2);
        appendRepr(text, value);
        return text.toString();
    }

    private static void appendRepr(StringBuilder text, String value) {
        char quote = value.indexOf('\'') >= 0 && value.indexOf('"') < 0 ? '"' : '\'';
        text.append(quote);
        value.codePoints().forEach(codePoint -> appendCodePoint(text, codePoint, quote));
        text.append(quote);
    }

    private static void appendCodePoint(StringBuilder text, int codePoint, char quote) {
        switch (codePoint) {
            case '\t' -> text.append("\\t");
            case '\n' -> text.append("\\n");
            case '\r' -> text.append("\\r");
            case '\\' -> text.append("\\\\");
            default -> {
                if (codePoint == quote) {
                    text.append('\\').append(quote);
                } else if (codePoint < 0x20 || codePoint == 0x7f) {
                    text.append(String.format(Locale.ROOT, "\\x%02x", codePoint));
                } else if (codePoint < 0x7f || isPrintable(codePoint)) {
                    text.appendCodePoint(codePoint);
                } else {
                    text.append(escape(codePoint));
                }
            }
        }
    }

    private static String escape(int codePoint) {
        if (codePoint <= 0xff) {
            return String.format(Locale.ROOT, "\\x%02x", codePoint);
        }
        if (codePoint <= 0xffff) {
            return String.format(Locale.ROOT, "\\u%04x", codePoint);
        }
        return String.format(Locale.ROOT, "\\U%08x", codePoint);
    }

    /** CPython's {@code str.isprintable} for one code point above ASCII. */
    private static boolean isPrintable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
