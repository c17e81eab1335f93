package org.sn1gateway.adapters.subtensor;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An axon's address as text, as the Python SDK prints it (netaddr): below 2^32 dotted IPv4, otherwise
 * IPv6 with the longest run of two or more zero groups as {@code ::}, and {@code ::ffff:a.b.c.d} for
 * IPv4-mapped addresses.
 */
public final class AxonIp {
    private static final BigInteger IPV4_LIMIT = BigInteger.ONE.shiftLeft(32);

    private AxonIp() {
    }

    public static String text(BigInteger ip) {
        if (ip.compareTo(IPV4_LIMIT) < 0) {
            return dotted(ip.longValue());
        }
        List<Integer> groups = new ArrayList<>();
        for (int i = 7; i >= 0; i--) {
            groups.add(ip.shiftRight(16 * i).intValue() & 0xffff);
        }
        if (groups.subList(0, 5).stream().allMatch(group -> group == 0) && groups.get(5) == 0xffff) {
            return "::ffff:" + dotted(ip.longValue() & 0xffffffffL);
        }
        return compressed(groups);
    }

    private static String dotted(long ip) {
        return ((ip >> 24) & 255) + "." + ((ip >> 16) & 255) + "." + ((ip >> 8) & 255) + "." + (ip & 255);
    }

    private static String compressed(List<Integer> groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int start = 0; start < 8; start++) {
            int length = 0;
            while (start + length < 8 && groups.get(start + length) == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups.get(i)));
        }
        return text.toString();
    }
}
