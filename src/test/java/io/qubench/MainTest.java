package io.qubench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                       | true
            bell.qasm               | true
            /tmp/My Circuit.QASM    | true
            simulate                | false
            --help                  | false
            """)
    void opensTheWorkbenchWithNoArgumentsOrOneQasmFile(String arg, boolean opens) {
        String[] args = arg == null ? new String[0] : new String[] {arg};
        assertThat(Main.opensWorkbench(args)).isEqualTo(opens);
    }
}
