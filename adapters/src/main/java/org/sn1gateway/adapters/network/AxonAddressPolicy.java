package org.sn1gateway.adapters.network;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which axon addresses the gateway may connect to. Anyone can register any IP for a miner, so on a public
 * network an axon in a loopback, private, link-local, multicast, unspecified or otherwise reserved range
 * would make the gateway a door into its own network; such addresses are refused unless allowed.
 */
public final class AxonAddressPolicy {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

    private final boolean allowNonPublic;

    private AxonAddressPolicy(boolean allowNonPublic) {
        this.allowNonPublic = allowNonPublic;
    }

    /** For public networks (finney, test): only public unicast addresses. */
    public static AxonAddressPolicy publicOnly() {
        return new AxonAddressPolicy(false);
    }

    /** For local chains, static lists and the simulated subnet: any literal address. */
    public static AxonAddressPolicy anyAddress() {
        return new AxonAddressPolicy(true);
    }

    /** Why this address must not be contacted, or empty when it may be. */
    public Optional<String> refusal(String ip) {
        InetAddress address = literal(ip).orElse(null);
        if (address == null) {
            return Optional.of("'" + ip + "' is not an IP address");
        }
        if (allowNonPublic) {
            return Optional.empty();
        }
        return nonPublicRange(address).map(range -> ip + " is a " + range + " address");
    }

    private static Optional<String> nonPublicRange(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && isIpv4Mapped(bytes)) {
            return nonPublicRange(ipv4(bytes[12], bytes[13], bytes[14], bytes[15]));
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address.isSiteLocalAddress() || isUniqueLocal(address, bytes) || isSharedIpv4(address, bytes)) {
            return Optional.of("private");
        }
        if (address instanceof Inet4Address && ((bytes[0] & 0xff) >= 240 || (bytes[0] & 0xff) == 0)) {
            return Optional.of("reserved");
        }
        return Optional.empty();
    }

    /** fc00::/7, IPv6's private range. */
    private static boolean isUniqueLocal(InetAddress address, byte[] bytes) {
        return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
    }

    /** 100.64.0.0/10, carrier-grade NAT. */
    private static boolean isSharedIpv4(InetAddress address, byte[] bytes) {
        return address instanceof Inet4Address && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }

    private static InetAddress ipv4(byte a, byte b, byte c, byte d) {
        try {
            return InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    /** Parses an IP literal without ever resolving a name (a hostname here is refused, not looked up). */
    private static Optional<InetAddress> literal(String ip) {
        if (ip == null || !(IPV4.matcher(ip).matches() || (ip.contains(":") && IPV6.matcher(ip).matches()))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(ip));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
