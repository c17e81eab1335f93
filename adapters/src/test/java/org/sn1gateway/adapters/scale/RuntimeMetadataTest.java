package org.sn1gateway.adapters.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RuntimeMetadataTest {
    private static final byte[] METADATA = RecordedChain.hex(RecordedChain.METADATA_343);

    @Test
    void parsesTheWholeOfSpec343sMetadataAndFindsTheNeuronsLiteMethod() {
        RuntimeMetadata metadata = RuntimeMetadata.parse(METADATA);

        assertThat(metadata.version()).isEqualTo(15);
        RuntimeMetadata.ApiMethod method = metadata.apiMethod("NeuronInfoRuntimeApi_get_neurons_lite").orElseThrow();
        assertThat(method.inputs()).singleElement().satisfies(input -> {
            assertThat(input.name()).isEqualTo("netuid");
            assertThat(input.type()).isEqualTo(40);
        });
        assertThat(metadata.type(40)).isEqualTo(new TypeDef.Primitive(4));
        assertThat(method.output()).isEqualTo(633);
        assertThat(metadata.type(633)).isEqualTo(new TypeDef.Sequence(634));
        assertThat(metadata.path(634)).isEqualTo("pallet_subtensor::rpc_info::neuron_info::NeuronInfoLite");
    }

    @Test
    void refusesTruncatedOrTrailingBytes() {
        assertThatThrownBy(() -> RuntimeMetadata.parse(Arrays.copyOf(METADATA, METADATA.length - 1)))
                .isInstanceOf(ScaleException.class);
        assertThatThrownBy(() -> RuntimeMetadata.parse(Arrays.copyOf(METADATA, METADATA.length + 1)))
                .isInstanceOf(ScaleException.class).hasMessageContaining("1 bytes left");
        assertThatThrownBy(() -> RuntimeMetadata.parse(new byte[] {1, 2, 3, 4, 15}))
                .hasMessageContaining("must start with");
    }
}
