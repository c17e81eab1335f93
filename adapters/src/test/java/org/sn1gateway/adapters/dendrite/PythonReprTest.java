package org.sn1gateway.adapters.dendrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected texts are what CPython 3.11 prints for the same values. */
class PythonReprTest {
    static Stream<Arguments> floats() {
        return Stream.of(Arguments.of(0.7, "0.7"), Arguments.of(0.95, "0.95"), Arguments.of(20.0, "20.0"),
                Arguments.of(0.0, "0.0"), Arguments.of(-1.5, "-1.5"), Arguments.of(1e-05, "1e-05"),
                Arguments.of(0.0001, "0.0001"), Arguments.of(1.5e16, "1.5e+16"), Arguments.of(1e16, "1e+16"),
                Arguments.of(123456789.125, "123456789.125"), Arguments.of(1722470410000.0, "1722470410000.0"),
                Arguments.of(0.1 + 0.2, "0.30000000000000004"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("floats")
    void printsFloatsAsCPythonDoes(double value, String python) {
        assertThat(PythonRepr.pythonFloat(value)).isEqualTo(python);
    }

    @Test
    void printsTheValuesEpistulaValidatorsMirrorIntoHeaders() {
        Map<String, Object> sampling = new LinkedHashMap<>();
        sampling.put("temperature", 0.7);
        sampling.put("top_p", 0.95);
        sampling.put("top_k", 50);
        sampling.put("max_new_tokens", 1024);
        sampling.put("do_sample", true);

        assertThat(PythonRepr.str(sampling)).isEqualTo(
                "{'temperature': 0.7, 'top_p': 0.95, 'top_k': 50, 'max_new_tokens': 1024, 'do_sample': True}");
        assertThat(PythonRepr.str("InferenceTask")).isEqualTo("InferenceTask");
        assertThat(PythonRepr.str(false)).isEqualTo("False");
        assertThat(PythonRepr.str(null)).isEqualTo("None");
        assertThat(PythonRepr.str(424242)).isEqualTo("424242");
        assertThat(PythonRepr.str(List.of("it's", 1, Map.of()))).isEqualTo("[\"it's\", 1, {}]");
    }
}
