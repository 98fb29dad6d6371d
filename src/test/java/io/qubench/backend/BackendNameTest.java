package io.qubench.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.qubench.circuit.UserInputException;

class BackendNameTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            local,            local,    '',        true
            emulator:manila,  emulator, manila,    true
            ibm:kingston,     ibm,      kingston,  false
            ionq:forte-1,     ionq,     forte-1,   false
            braket:sv1,       braket,   sv1,       false
            """)
    void knownNamesParseIntoProviderAndDevice(String name, String provider, String device, boolean local) {
        BackendName n = BackendName.parse(name);
        assertThat(n.provider()).isEqualTo(provider);
        assertThat(n.device()).isEqualTo(device);
        assertThat(n.local()).isEqualTo(local);
        assertThat(n.toString()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "emulator:", "emulator:nowhere", "ibm:forte-1", "aws:sv1", "LOCAL"})
    void unknownNamesAreRefusedListingTheValidOnes(String name) {
        assertThatThrownBy(() -> BackendName.parse(name)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("unknown backend '" + name + "'")
                .hasMessageContaining("local, emulator:manila, emulator:nairobi")
                .hasMessageContaining("braket:sv1");
    }

    @org.junit.jupiter.api.Test
    void theLocalNamesAreTheSimulatorAndOneEmulatorPerShippedDevice() {
        assertThat(Backends.localNames()).containsExactly("local", "emulator:manila", "emulator:nairobi", "emulator:guadalupe",
                "emulator:hanoi", "emulator:sherbrooke", "emulator:kingston");
    }
}
