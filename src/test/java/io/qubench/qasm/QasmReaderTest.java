package io.qubench.qasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Condition;
import io.qubench.circuit.GateDefinition;
import io.qubench.circuit.Matrix;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;

class QasmReaderTest {

    private static final String V2 = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";
    private static final String V3 = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n";

    private static Circuit v2(String body) {
        return QasmReader.parse(V2 + body, "test.qasm");
    }

    private static Circuit v3(String body) {
        return QasmReader.parse(V3 + body, "test.qasm");
    }

    private static GateOperation gate(Circuit c, int index) {
        return (GateOperation) c.operations().get(index);
    }

    @Test
    void readsRegistersGatesAndMeasurements() {
        Circuit c = v2("qreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n");
        assertThat(c.numQubits()).isEqualTo(2);
        assertThat(c.operations()).hasSize(4);
        assertThat(gate(c, 1).gate()).isEqualTo(StandardGate.CX);
        assertThat(c.operations().get(3)).isEqualTo(new Operation.Measurement(1, 1));
    }

    @Test
    void broadcastsRegistersAcrossGatesMeasureResetAndBarrier() {
        Circuit c = v2("qreg a[3];\nqreg b[3];\ncreg c[3];\nh a;\ncx a, b;\ncx a[0], b;\nreset b;\nbarrier a, b[1];\nmeasure b -> c;\n");
        assertThat(c.operations()).hasSize(3 + 3 + 3 + 3 + 1 + 3);
        assertThat(gate(c, 4).qubits()).containsExactly(1, 4);
        assertThat(gate(c, 6).qubits()).containsExactly(0, 3);
        assertThat(((Operation.Barrier) c.operations().get(12)).qubits()).containsExactly(0, 1, 2, 4);
    }

    @Test
    void readsParameterExpressions() {
        Circuit c = v2("qreg q[1];\nrz(-pi/4) q[0];\nu3(2*pi^2, .5, 1e-3) q[0];\nrx(sin(pi/2)+ln(exp(2))) q[0];\n");
        assertThat(gate(c, 0).paramValues(Map.of())[0]).isEqualTo(-Math.PI / 4);
        assertThat(gate(c, 1).paramValues(Map.of())).containsExactly(2 * Math.PI * Math.PI, 0.5, 1e-3);
        assertThat(gate(c, 2).paramValues(Map.of())[0]).isEqualTo(3.0);
    }

    @Test
    void readsGateDefinitionsWithParametersAndNesting() {
        Circuit c = v2("gate rot(t) a { rz(t/2) a; }\ngate pair(t) a, b { rot(t) a; cx a, b; rot(-t) b; }\nqreg q[2];\npair(pi) q[1], q[0];\n");
        GateDefinition pair = (GateDefinition) gate(c, 0).gate();
        assertThat(pair.numParams()).isEqualTo(1);
        assertThat(c.definitions()).extracting(GateDefinition::name).containsExactly("rot", "pair");
        assertThat(c.inlined().operations()).hasSize(3);
    }

    @Test
    void readsConditionsAndBuiltins() {
        Circuit c = v2("qreg q[1];\ncreg c[2];\nU(0.1,0.2,0.3) q[0];\nif (c==3) x q[0];\nif(c==1) measure q[0] -> c[1];\n");
        assertThat(gate(c, 0).gate()).isEqualTo(StandardGate.U);
        assertThat(c.operations().get(1).condition()).map(Condition::value).contains(3L);
        assertThat(c.operations().get(2)).isInstanceOf(Operation.Measurement.class);
        assertThat(c.operations().get(2).condition()).isPresent();
    }

    @Test
    void opaqueGatesParseAndAreKept() {
        Circuit c = v2("opaque magic(a) x, y;\nqreg q[2];\nmagic(0.5) q[0], q[1];\n");
        assertThat(((GateDefinition) gate(c, 0).gate()).opaque()).isTrue();
    }

    @Test
    void toleratesCrlfCommentsAndOddSpacing() {
        Circuit c = QasmReader.parse("// header\r\nOPENQASM 2.0;\r\ninclude \"qelib1.inc\";/* block\r\n comment */\r\nqreg   q [ 2 ] ;\r\n  cx q[0] ,q[1];// done\r\n", "crlf");
        assertThat(c.operations()).hasSize(1);
    }

    @Test
    void qelib1ExtrasHaveTheRightMatrices() {
        Circuit c = v2("qreg q[5];\nc3x q[0],q[1],q[2],q[3];\ncsx q[0],q[1];\nc3sqrtx q[0],q[1],q[2],q[3];\nc4x q[0],q[1],q[2],q[3],q[4];\nu0(1) q[0];\nrccx q[0],q[1],q[2];\nrc3x q[0],q[1],q[2],q[3];\n");
        Matrix x = StandardGate.X.matrix();
        Matrix sx = StandardGate.SX.matrix();
        assertThat(matrix(c, 0).equalsUpToGlobalPhase(Matrix.controlled(x, 3))).isTrue();
        assertThat(matrix(c, 1).equalsUpToGlobalPhase(Matrix.controlled(sx, 1))).isTrue();
        assertThat(matrix(c, 2).equalsUpToGlobalPhase(Matrix.controlled(sx, 3))).isTrue();
        assertThat(matrix(c, 3).equalsUpToGlobalPhase(Matrix.controlled(x, 4))).isTrue();
        assertThat(((GateDefinition) gate(c, 4).gate()).matrix(1.0).equalsUpToGlobalPhase(Matrix.identity(2))).isTrue();
        // rccx and rc3x are Toffolis up to relative phases: same magnitudes.
        assertSameMagnitudes(matrix(c, 5), Matrix.controlled(x, 2));
        assertSameMagnitudes(matrix(c, 6), Matrix.controlled(x, 3));
    }

    private static Matrix matrix(Circuit c, int index) {
        return ((GateDefinition) gate(c, index).gate()).matrix();
    }

    private static void assertSameMagnitudes(Matrix a, Matrix b) {
        for (int r = 0; r < a.dimension(); r++) {
            for (int col = 0; col < a.dimension(); col++) {
                assertThat(Math.hypot(a.re(r, col), a.im(r, col))).isCloseTo(Math.hypot(b.re(r, col), b.im(r, col)),
                        org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    // ---------------------------------------------------------------------------------- OpenQASM 3

    @Test
    void readsOpenQasm3Declarations() {
        Circuit c = v3("qubit[2] q;\nqubit a;\nbit[2] c;\nbit d;\nh q[0];\ncx q[0], a;\nc[0] = measure q[0];\nc = measure q;\nd = measure a;\nmeasure q[1] -> c[1];\n");
        assertThat(c.numQubits()).isEqualTo(3);
        assertThat(c.numClbits()).isEqualTo(3);
        assertThat(c.operations()).filteredOn(o -> o instanceof Operation.Measurement).hasSize(5);
    }

    @Test
    void ctrlModifierMapsToTheStandardControlledGates() {
        Circuit c = v3("qubit[3] q;\nctrl @ x q[0], q[1];\nctrl(2) @ x q[0], q[1], q[2];\nctrl @ ctrl @ x q[0], q[1], q[2];\nctrl @ rz(0.5) q[1], q[2];\nctrl @ swap q[0], q[1], q[2];\nctrl @ U(1, 2, 3) q[0], q[1];\n");
        assertThat(c.operations()).extracting(o -> ((GateOperation) o).gate())
                .containsExactly(StandardGate.CX, StandardGate.CCX, StandardGate.CCX, StandardGate.CRZ, StandardGate.CSWAP, StandardGate.CU3);
        assertThat(gate(c, 3).qubits()).containsExactly(1, 2);
    }

    @Test
    void invModifierInvertsStandardAndUserGates() {
        Circuit c = v3("gate g(t) a, b { h a; rz(t) b; cx a, b; s b; }\nqubit[2] q;\ninv @ s q[0];\ninv @ rx(0.3) q[0];\ninv @ g(0.7) q[0], q[1];\n");
        assertThat(gate(c, 0).gate()).isEqualTo(StandardGate.SDG);
        assertThat(gate(c, 1).paramValues(Map.of())[0]).isEqualTo(-0.3);
        GateDefinition inv = (GateDefinition) gate(c, 2).gate();
        GateDefinition g = c.definitions().stream().filter(d -> d.name().equals("g")).findFirst().orElseThrow();
        assertThat(inv.name()).isEqualTo("g_inv");
        assertThat(inv.matrix(0.7).approximatelyEquals(g.matrix(0.7).adjoint(), 1e-12)).isTrue();
    }

    @Test
    void powModifierRepeats() {
        Circuit c = v3("qubit q;\npow(2) @ s q;\n");
        assertThat(c.operations()).hasSize(2);
    }

    @Test
    void conditionsOnRegistersAndSingleBitsWithBlocks() {
        Circuit c = v3("qubit[2] q;\nbit[2] c;\nc[0] = measure q[0];\nif (c == 1) x q[1];\nif (c[0] == 1) { x q[1]; z q[0]; }\nif (c[1]) h q[0];\nif (!c[1]) h q[1];\n");
        assertThat(c.operations().get(1).condition().orElseThrow()).isEqualTo(Condition.onRegister(c.classicalRegisters().getFirst(), 1));
        assertThat(c.operations().get(2).condition().orElseThrow().bit()).isZero();
        assertThat(c.operations().get(3).condition().orElseThrow().bit()).isZero();
        assertThat(c.operations().get(4).condition().orElseThrow().value()).isEqualTo(1);
        assertThat(c.operations().get(5).condition().orElseThrow().value()).isZero();
    }

    @Test
    void physicalQubitsBecomeOneRegisterQ() {
        Circuit c = QasmReader.parse("OPENQASM 3;\ninclude \"stdgates.inc\";\nh $0;\ncx $0, $3;\n", "phys");
        assertThat(c.numQubits()).isEqualTo(4);
        assertThat(c.quantumRegisters().getFirst().name()).isEqualTo("q");
        assertThat(gate(c, 1).qubits()).containsExactly(0, 3);
    }

    @Test
    void inputsAreFreeParametersAndConstantsAreValues() {
        Circuit c = v3("input float[64] theta;\nconst float half = 0.5;\nqubit q;\nrx(theta * half) q;\nrz(π) q;\n");
        assertThat(c.parameters()).containsExactly("theta");
        assertThat(gate(c, 0).paramValues(Map.of("theta", 4.0))[0]).isEqualTo(2.0);
        assertThat(gate(c, 1).paramValues(Map.of())[0]).isEqualTo(Math.PI);
    }

    @Test
    void aFileWithoutHeaderIsOpenQasm3() {
        Circuit c = QasmReader.parse("include \"stdgates.inc\";\nqubit[1] q;\nx q[0];\n", "bare");
        assertThat(c.operations()).hasSize(1);
        assertThat(QasmReader.detectVersion("// c\nOPENQASM 2.0;")).isEqualTo(QasmVersion.V2);
        assertThat(QasmReader.detectVersion("qubit q;")).isEqualTo(QasmVersion.V3);
    }

    // ---------------------------------------------------------------------------------- errors

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown gate                 | qreg q[2];\\nfoo q[0];                      | 4 | 1  | unknown gate "foo"
            too few qubits               | qreg q[2];\\ncx q[0];                       | 4 | 1  | gate "cx" takes 2 qubit arguments, got 1
            too many parameters          | qreg q[2];\\nh(0.1) q[0];                   | 4 | 1  | gate "h" takes 0 parameters, got 1
            missing parameter            | qreg q[2];\\nrx q[0];                       | 4 | 1  | gate "rx" takes 1 parameter, got 0
            undeclared register          | qreg q[2];\\nh r[0];                        | 4 | 3  | undeclared register "r"
            index out of range           | qreg q[5];\\nh q[5];                        | 4 | 5  | q[5] is out of range: register q has 5 qubits
            clbit out of range           | qreg q[1];\\ncreg c[1];\\nmeasure q[0] -> c[1]; | 5 | 19 | c[1] is out of range: register c has 1 bit
            missing semicolon            | qreg q[2];\\nh q[0]\\nh q[1];               | 5 | 1  | expected ';', found 'h'
            unterminated statement       | qreg q[2];\\nh q[0]                         | 4 | 7  | unterminated statement
            unexpected character         | qreg q[2];\\nh q[0] # ;                     | 4 | 8  | unexpected character '#'
            redeclared register          | qreg q[2];\\ncreg q[2];                     | 4 | 6  | register "q" is already declared
            mismatched broadcast         | qreg a[2];\\nqreg b[3];\\ncx a, b;          | 5 | 1  | registers of different sizes (2 and 3)
            measure size mismatch        | qreg a[2];\\ncreg c[3];\\nmeasure a -> c;   | 5 | 9  | cannot measure 2 qubits into 3 bits
            same qubit twice             | qreg q[2];\\ncx q[0], q[0];                 | 4 | 1  | same qubit twice
            unknown identifier           | qreg q[1];\\nrx(theta) q[0];                | 4 | 4  | unknown identifier "theta"
            unknown include              | include "mylib.inc";                        | 3 | 9  | cannot include "mylib.inc"
            gate redefined               | gate h a { x a; }                           | 3 | 6  | gate "h" is already defined
            unknown body argument        | gate g a { x b; }                           | 3 | 14 | "b" is not an argument of this gate
            unterminated comment         | qreg q[1];\\n/* never closed                | 4 | 1  | unterminated block comment
            condition on unknown register| qreg q[1];\\nif (c==1) x q[0];              | 4 | 5  | undeclared classical register "c"
            version 3 syntax in a v2 file| qubit[2] q;                                 | 3 | 1  | qubit is OpenQASM 3
            """)
    void reportsLineColumnAndProblem(String what, String body, int line, int column, String message) {
        assertThatThrownBy(() -> v2(body.replace("\\n", "\n") + "\n"))
                .as(what)
                .isInstanceOfSatisfying(QasmException.class, e -> {
                    assertThat(e.problem()).contains(message);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.getMessage()).startsWith("test.qasm:" + line + ":" + column + ": ");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            for loop               | qubit q;\\nfor int i in [0:2] { x q; }   | 4 | 1 | 'for' is not supported
            ctrl on a user gate    | gate g a { x a; }\\nqubit[2] q;\\nctrl @ g q[0], q[1]; | 5 | 1 | ctrl @ on "g" is not supported
            negctrl                | qubit[2] q;\\nnegctrl @ x q[0], q[1];      | 4 | 1 | negctrl @ is not supported
            measure without target | qubit q;\\nmeasure q;                     | 4 | 10 | measure without a target bit
            """)
    void reportsUnsupportedOpenQasm3Constructs(String what, String body, int line, int column, String message) {
        assertThatThrownBy(() -> v3(body.replace("\\n", "\n") + "\n"))
                .as(what)
                .isInstanceOfSatisfying(QasmException.class, e -> {
                    assertThat(e.problem()).contains(message);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                });
    }

    @Test
    void hostileNestingAndHugeRegistersAreClearErrors() {
        String deep = "(".repeat(100_000) + "1" + ")".repeat(100_000);
        assertThatThrownBy(() -> v2("qreg q[1];\nrx(" + deep + ") q[0];\n"))
                .isInstanceOf(QasmException.class).hasMessageContaining("nested too deeply");
        assertThatThrownBy(() -> v2("qreg q[2000000000];\nh q;\n"))
                .isInstanceOf(QasmException.class).hasMessageContaining("at most 1048576");
        assertThatThrownBy(() -> io.qubench.circuit.Expression.parse("-".repeat(10_000) + "1"))
                .hasMessageContaining("nested too deeply");
    }

    @Test
    void anEmptyTextIsAnError() {
        assertThatThrownBy(() -> QasmReader.parse("", "empty.qasm")).hasMessage("empty.qasm: file is empty");
        assertThatThrownBy(() -> QasmReader.parse("  // only a comment\n", "c.qasm")).hasMessage("c.qasm: file is empty");
    }

    // ---------------------------------------------------------------------------------- files

    @TempDir
    Path dir;

    @Test
    void fileProblemsNameTheFile() throws IOException {
        assertThatThrownBy(() -> QasmReader.read(dir.resolve("missing.qasm"))).hasMessageEndingWith("missing.qasm: file not found");
        assertThatThrownBy(() -> QasmReader.read(dir)).hasMessageContaining("is a directory");
        Path empty = Files.createFile(dir.resolve("empty.qasm"));
        assertThatThrownBy(() -> QasmReader.read(empty)).hasMessageEndingWith("empty.qasm: file is empty");
        Path binary = Files.write(dir.resolve("b.qasm"), new byte[] {'O', 0, 1, 2});
        assertThatThrownBy(() -> QasmReader.read(binary)).hasMessageContaining("not a text file");
        Path latin1 = Files.write(dir.resolve("l.qasm"), "qreg \u00e9[1];".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> QasmReader.read(latin1)).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeReading() throws IOException {
        Path big = dir.resolve("huge.qasm");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.SPARSE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), QasmReader.MAX_FILE_BYTES + 10);
        }
        assertThatThrownBy(() -> QasmReader.read(big)).hasMessageContaining("file is too large (64.0 MiB; at most 64 MiB)");
    }

    @Test
    void tenMegabytesOfGatesParseQuickly() {
        StringBuilder sb = new StringBuilder(V2 + "qreg q[4];\n");
        while (sb.length() < 10 << 20) {
            sb.append("rz(0.125) q[1];\ncx q[0], q[3];\n");
        }
        long start = System.nanoTime();
        Circuit c = QasmReader.parse(sb.toString(), "big");
        assertThat(c.operations().size()).isGreaterThan(600_000);
        assertThat((System.nanoTime() - start) / 1e9).as("seconds to parse 10 MB").isLessThan(30);
    }

    @Test
    void tenMegabytesOfGarbageFailOnTheFirstLine() {
        assertThatThrownBy(() -> QasmReader.parse("%".repeat(10 << 20), "junk"))
                .isInstanceOfSatisfying(QasmException.class, e -> assertThat(e.line()).isEqualTo(1));
    }

    @Test
    void aRealCircuitMatchesItsText() {
        Circuit c = v2("qreg q[2];\nry(pi/2) q[0];\ncx q[0], q[1];\n");
        assertThat(c.operations()).containsExactly(
                new GateOperation(StandardGate.RY, List.of(new io.qubench.circuit.Expression.Binary('/', io.qubench.circuit.Expression.PI,
                        io.qubench.circuit.Expression.of(2))), List.of(0)),
                new GateOperation(StandardGate.CX, List.of(), List.of(0, 1)));
    }
}
