package org.sn1gateway.adapters.subtensor;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.sn1gateway.adapters.scale.ScaleException;

/** Reads a decoded NeuronInfoLite struct by field name into its record. */
final class NeuronFields {
    private NeuronFields() {
    }

    static NeuronInfoLite of(Map<String, Object> fields) {
        return new NeuronInfoLite(bytes(fields, "hotkey"), bytes(fields, "coldkey"), integer(fields, "uid"),
                integer(fields, "netuid"), bool(fields, "active"), axon(map(fields, "axon_info")),
                prometheus(map(fields, "prometheus_info")), stake(fields), integer(fields, "rank"),
                big(fields, "emission"), integer(fields, "incentive"), integer(fields, "consensus"),
                integer(fields, "trust"), integer(fields, "validator_trust"), integer(fields, "dividends"),
                big(fields, "last_update"), bool(fields, "validator_permit"), integer(fields, "pruning_score"));
    }

    private static NeuronInfoLite.AxonInfo axon(Map<String, Object> axon) {
        return new NeuronInfoLite.AxonInfo(big(axon, "block"), big(axon, "version").longValue(), big(axon, "ip"),
                integer(axon, "port"), integer(axon, "ip_type"), integer(axon, "protocol"),
                integer(axon, "placeholder1"), integer(axon, "placeholder2"));
    }

    private static NeuronInfoLite.PrometheusInfo prometheus(Map<String, Object> prometheus) {
        return new NeuronInfoLite.PrometheusInfo(big(prometheus, "block"), big(prometheus, "version").longValue(),
                big(prometheus, "ip"), integer(prometheus, "port"), integer(prometheus, "ip_type"));
    }

    private static List<NeuronInfoLite.Stake> stake(Map<String, Object> fields) {
        if (!(fields.get("stake") instanceof List<?> entries)) {
            throw new ScaleException("a neuron's stake is not a list");
        }
        return entries.stream().map(entry -> {
            List<?> pair = (List<?>) entry;
            return new NeuronInfoLite.Stake((byte[]) pair.get(0), toBig(pair.get(1), "stake"));
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> fields, String name) {
        if (!(fields.get(name) instanceof Map<?, ?> map)) {
            throw new ScaleException("a neuron's " + name + " is not a struct");
        }
        return (Map<String, Object>) map;
    }

    private static byte[] bytes(Map<String, Object> fields, String name) {
        if (!(fields.get(name) instanceof byte[] bytes)) {
            throw new ScaleException("a neuron's " + name + " is not bytes");
        }
        return bytes;
    }

    private static boolean bool(Map<String, Object> fields, String name) {
        if (!(fields.get(name) instanceof Boolean value)) {
            throw new ScaleException("a neuron's " + name + " is not a bool");
        }
        return value;
    }

    private static int integer(Map<String, Object> fields, String name) {
        return big(fields, name).intValueExact();
    }

    private static BigInteger big(Map<String, Object> fields, String name) {
        return toBig(fields.get(name), name);
    }

    private static BigInteger toBig(Object value, String name) {
        return switch (value) {
            case BigInteger big -> big;
            case Long number -> BigInteger.valueOf(number);
            case null, default -> throw new ScaleException("a neuron's " + name + " is not an integer");
        };
    }
}
