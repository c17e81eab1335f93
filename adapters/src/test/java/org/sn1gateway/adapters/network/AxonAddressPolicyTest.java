package org.sn1gateway.adapters.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AxonAddressPolicyTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, loopback", "127.8.9.10, loopback", "::1, loopback",
            "10.0.0.1, private", "172.16.5.4, private", "172.31.255.255, private", "192.168.1.1, private",
            "100.64.0.1, private", "fd00::1, private", "fc12:3456::1, private",
            "169.254.169.254, link-local", "fe80::1, link-local",
            "224.0.0.1, multicast", "239.255.255.250, multicast", "ff02::1, multicast",
            "0.0.0.0, unspecified", "::, unspecified", "240.0.0.1, reserved", "255.255.255.255, reserved",
            "::ffff:127.0.0.1, loopback", "::ffff:10.1.2.3, private", "::ffff:169.254.169.254, link-local"})
    void refusesNonPublicRangesOnPublicNetworks(String ip, String range) {
        assertThat(AxonAddressPolicy.publicOnly().refusal(ip)).contains(ip + " is a " + range + " address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:db8::1", "2606:4700::1111"})
    void allowsPublicAddresses(String ip) {
        assertThat(AxonAddressPolicy.publicOnly().refusal(ip)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "", "1.2.3", "999.1.1.1x", "[::1]"})
    void neverResolvesNamesOrAcceptsAnythingButALiteral(String notAnAddress) {
        assertThat(AxonAddressPolicy.publicOnly().refusal(notAnAddress)).get().asString().contains("not an IP address");
        assertThat(AxonAddressPolicy.anyAddress().refusal(notAnAddress)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "::1"})
    void localDeploymentsMayUseAnyLiteral(String ip) {
        assertThat(AxonAddressPolicy.anyAddress().refusal(ip)).isEmpty();
    }
}
