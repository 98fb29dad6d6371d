package io.qubench.qasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.qubench.circuit.Circuit;

/** Every circuit of QASMBench (small and medium) reads, and writes back to an equal circuit. */
class QasmBenchCorpusTest {

    private static final Pattern QREG = Pattern.compile("(?m)^\\s*qreg\\s+\\w+\\s*\\[\\s*(\\d+)\\s*\\]");

    static java.util.List<String> validFiles() {
        return QasmBenchCorpus.validFiles();
    }

    @Test
    void theCorpusTravelsWithItsLicence() {
        assertThat(QasmBenchCorpus.files()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(QasmBenchCorpus.root().resolve("LICENSE")).exists();
        assertThat(QasmBenchCorpus.root().resolve("NOTICE")).exists();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void everyValidCorpusFileParsesWithTheDeclaredQubits(String file) throws IOException {
        Circuit c = QasmReader.read(QasmBenchCorpus.path(file));
        int declared = 0;
        Matcher m = QREG.matcher(Files.readString(QasmBenchCorpus.path(file)));
        while (m.find()) {
            declared += Integer.parseInt(m.group(1));
        }
        assertThat(c.numQubits()).isEqualTo(declared);
        assertThat(c.operations()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void everyValidCorpusFileRoundTripsThroughBothVersions(String file) {
        Circuit c = QasmReader.read(QasmBenchCorpus.path(file));
        assertThat(QasmReader.parse(QasmWriter.toQasm2(c), file + " as v2")).isEqualTo(c);
        assertThat(QasmReader.parse(QasmWriter.toQasm3(c), file + " as v3")).isEqualTo(c);
    }

    @Test
    void filesThatAreInvalidUpstreamFailAtTheExactPlace() {
        QasmBenchCorpus.INVALID_UPSTREAM.forEach((file, where) ->
                assertThatThrownBy(() -> QasmReader.read(QasmBenchCorpus.path(file)))
                        .isInstanceOf(QasmException.class).hasMessageEndingWith(file + ":" + where));
    }
}
