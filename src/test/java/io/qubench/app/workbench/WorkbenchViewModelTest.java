package io.qubench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.qubench.app.ImmediateRunner;

class WorkbenchViewModelTest {

    private final WorkbenchViewModel viewModel = new WorkbenchViewModel(new ImmediateRunner());

    @ParameterizedTest
    @EnumSource(WorkbenchViewModel.Sample.class)
    void everySampleOpensAsAValidCircuitAndSimulates(WorkbenchViewModel.Sample sample) {
        viewModel.openSample(sample);
        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(viewModel.circuitProperty().get().numQubits()).isGreaterThan(1);
        assertThat(viewModel.documentNameProperty().get()).isEqualTo(sample.fileName());

        viewModel.simulate();
        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(viewModel.resultProperty().get().shots()).isEqualTo(1024);
    }

    @Test
    void bellSampleMeasuresOnlyCorrelatedOutcomes() {
        viewModel.openSample(WorkbenchViewModel.Sample.BELL);
        viewModel.seedTextProperty().set("7");
        viewModel.simulate();
        assertThat(viewModel.resultProperty().get().counts()).containsOnlyKeys("00", "11");
        assertThat(viewModel.statusProperty().get()).contains("Simulated 1024 shots").contains("seed 7")
                .contains("stabilizer engine");
        assertThat(viewModel.runningProperty().get()).isFalse();
    }

    @Test
    void theChosenEngineRunsTheCircuit() {
        viewModel.openSample(WorkbenchViewModel.Sample.TELEPORTATION);
        viewModel.engineProperty().set(io.qubench.sim.Engine.REFERENCE);
        viewModel.simulate();
        assertThat(viewModel.resultProperty().get().engine()).isEqualTo("reference");
    }

    @Test
    void groverSampleFindsTheMarkedState() {
        viewModel.openSample(WorkbenchViewModel.Sample.GROVER);
        viewModel.seedTextProperty().set("1");
        viewModel.simulate();
        assertThat(viewModel.resultProperty().get().probability("101")).isGreaterThan(0.9);
    }

    @Test
    void sameSeedGivesTheSameCounts() {
        viewModel.openSample(WorkbenchViewModel.Sample.GHZ);
        viewModel.seedTextProperty().set("42");
        viewModel.simulate();
        var first = viewModel.resultProperty().get().counts();
        viewModel.simulate();
        assertThat(viewModel.resultProperty().get().counts()).isEqualTo(first);
    }

    @Test
    void invalidTextReportsLineAndColumnAndKeepsTheLastCircuit() {
        viewModel.openSample(WorkbenchViewModel.Sample.BELL);
        var before = viewModel.circuitProperty().get();
        viewModel.qasmTextProperty().set("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nfoo q[0];\n");
        viewModel.validate();
        assertThat(viewModel.errorProperty().get().line()).isEqualTo(4);
        assertThat(viewModel.errorProperty().get().column()).isEqualTo(1);
        assertThat(viewModel.errorProperty().get().describe()).startsWith("Line 4, column 1:").contains("foo");
        assertThat(viewModel.circuitProperty().get()).isSameAs(before);
    }

    @Test
    void simulatingInvalidTextShowsTheErrorAndNoResult() {
        viewModel.qasmTextProperty().set("OPENQASM 2.0;\nqreg q[2];\nh q[5];\n");
        viewModel.simulate();
        assertThat(viewModel.resultProperty().get()).isNull();
        assertThat(viewModel.errorProperty().get().line()).isEqualTo(3);
        assertThat(viewModel.statusProperty().get()).isEqualTo("Simulation refused");
    }

    @Test
    void aSeedThatIsNotANumberIsRefusedWithoutRunning() {
        viewModel.openSample(WorkbenchViewModel.Sample.BELL);
        viewModel.seedTextProperty().set("abc");
        viewModel.simulate();
        assertThat(viewModel.errorProperty().get().describe()).contains("Seed must be a whole number");
        assertThat(viewModel.resultProperty().get()).isNull();
    }

    @Test
    void openingAMissingFileKeepsTheCurrentText(@TempDir Path dir) {
        viewModel.openSample(WorkbenchViewModel.Sample.BELL);
        String text = viewModel.qasmTextProperty().get();
        viewModel.openFile(dir.resolve("nope.qasm"));
        assertThat(viewModel.errorProperty().get().describe()).contains("nope.qasm").contains("not found");
        assertThat(viewModel.qasmTextProperty().get()).isEqualTo(text);
    }

    @Test
    void openingAFileShowsItsNameAndText(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.qasm");
        Files.writeString(file, "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\nx q[2];\n");
        viewModel.openFile(file);
        assertThat(viewModel.documentNameProperty().get()).isEqualTo("mine.qasm");
        assertThat(viewModel.titleProperty().get()).isEqualTo("mine.qasm — Qubench");
        assertThat(viewModel.statusProperty().get()).isEqualTo("Opened mine.qasm");
        assertThat(viewModel.circuitProperty().get().numQubits()).isEqualTo(3);
        viewModel.simulate();
        assertThat(viewModel.resultProperty().get().counts()).containsOnlyKeys("100");
    }

    @Test
    void aFortyQubitCircuitIsRefusedWithAClearMessage() {
        viewModel.qasmTextProperty().set("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[40];\nt q;\n");
        viewModel.simulate();
        assertThat(viewModel.errorProperty().get().describe()).contains("40-qubit").contains("needs");
        assertThat(viewModel.resultProperty().get()).isNull();
    }

    @Test
    void aCanvasEditRewritesTheTextAndUndoBringsBackTheOriginal() {
        viewModel.openSample(WorkbenchViewModel.Sample.BELL);
        String original = viewModel.qasmTextProperty().get();
        int rewrites = viewModel.rewriteRevisionProperty().get();
        assertThat(viewModel.commands().canUndoProperty().get()).isFalse();

        assertThat(viewModel.canvas().drop("x", 1, 0)).isTrue();
        assertThat(viewModel.qasmTextProperty().get()).startsWith("OPENQASM 2.0;").contains("x q[1];");
        assertThat(viewModel.circuitProperty().get().gateCount()).isEqualTo(3);
        assertThat(viewModel.rewriteRevisionProperty().get()).isEqualTo(rewrites + 1);

        viewModel.undo();
        assertThat(viewModel.qasmTextProperty().get()).isEqualTo(original);
        assertThat(viewModel.circuitProperty().get().gateCount()).isEqualTo(2);
        assertThat(viewModel.statusProperty().get()).isEqualTo("Undid: Add x");
        viewModel.redo();
        assertThat(viewModel.qasmTextProperty().get()).contains("x q[1];");
    }

    @Test
    void aTextEditThatParsesIsOneUndoableCommandAndAnInvalidOneChangesNothing() {
        viewModel.openSample(WorkbenchViewModel.Sample.BELL);
        String original = viewModel.qasmTextProperty().get();
        var before = viewModel.canvas().layoutProperty().get();

        viewModel.qasmTextProperty().set(original + "h q[1];\n");
        viewModel.validate();
        assertThat(viewModel.canvas().layoutProperty().get().operations()).isEqualTo(before.operations() + 1);
        assertThat(viewModel.commands().undoDescriptionProperty().get()).isEqualTo("Edit text");

        viewModel.qasmTextProperty().set(original + "h q[9];\n");
        viewModel.validate();
        assertThat(viewModel.errorProperty().get().line()).isEqualTo(9);
        assertThat(viewModel.canvas().layoutProperty().get().operations()).isEqualTo(before.operations() + 1);

        viewModel.undo();
        assertThat(viewModel.qasmTextProperty().get()).isEqualTo(original);
        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(viewModel.canvas().layoutProperty().get().operations()).isEqualTo(before.operations());
    }

    @Test
    void openingAnotherDocumentStartsAFreshHistory() {
        viewModel.openSample(WorkbenchViewModel.Sample.BELL);
        viewModel.canvas().drop("h", 0, 0);
        viewModel.openSample(WorkbenchViewModel.Sample.GHZ);
        assertThat(viewModel.commands().canUndoProperty().get()).isFalse();
        assertThat(viewModel.circuitProperty().get().numQubits()).isEqualTo(5);
        viewModel.canvas().drop("h", 4, 0);
        assertThat(viewModel.qasmTextProperty().get()).contains("h q[4];");
    }

    @Test
    void aRefusedCanvasEditSaysWhyInTheStatus() {
        viewModel.openSample(WorkbenchViewModel.Sample.BELL);
        viewModel.canvas().drop("ccx", 0, 0);
        assertThat(viewModel.statusProperty().get()).isEqualTo("Cannot edit: Ccx needs 3 qubits; the circuit has 2: add a qubit first");
        viewModel.canvas().addQubit();
        assertThat(viewModel.canvas().drop("ccx", 0, 0)).isTrue();
        assertThat(viewModel.qasmTextProperty().get()).contains("qreg q[3];").contains("ccx q[0], q[1], q[2];");
    }

    @Test
    void anOpenQasm3SampleStaysOpenQasm3AfterACanvasEdit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("v3.qasm");
        Files.writeString(file, "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[2] c;\nh q[0];\n");
        viewModel.openFile(file);
        viewModel.canvas().drop("measure", 0, 1);
        assertThat(viewModel.qasmTextProperty().get()).startsWith("OPENQASM 3.0;").contains("c[0] = measure q[0];");
    }

    @Test
    void anEditMarksTheDocumentUnsavedAndSavingClearsIt(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("mine.qasm"), "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\nh q[0];\n");
        viewModel.openFile(file);
        assertThat(viewModel.dirtyProperty().get()).isFalse();
        assertThat(viewModel.fileProperty().get()).isEqualTo(file);

        viewModel.qasmTextProperty().set(viewModel.qasmTextProperty().get() + "x q[0];\n");
        assertThat(viewModel.dirtyProperty().get()).isTrue();
        assertThat(viewModel.titleProperty().get()).isEqualTo("• mine.qasm — Qubench");

        assertThat(viewModel.save()).isTrue();
        assertThat(viewModel.dirtyProperty().get()).isFalse();
        assertThat(file).content().endsWith("x q[0];\n");
        assertThat(viewModel.statusProperty().get()).startsWith("Saved");
    }

    @Test
    void aNewCircuitHasNoFileUntilSavedAsAndIsThenRemembered(@TempDir Path dir) {
        java.util.List<Path> recent = new java.util.ArrayList<>();
        viewModel.onRecentFile(recent::add);
        viewModel.newCircuit();
        assertThat(viewModel.fileProperty().get()).isNull();
        assertThat(viewModel.save()).as("no file yet: the view asks where").isFalse();
        assertThat(viewModel.circuitProperty().get().numQubits()).isEqualTo(2);

        Path target = dir.resolve("fresh.qasm");
        viewModel.saveAs(target);
        assertThat(target).content().isEqualTo(WorkbenchViewModel.NEW_CIRCUIT);
        assertThat(viewModel.documentNameProperty().get()).isEqualTo("fresh.qasm");
        assertThat(recent).containsExactly(target);
    }

    @Test
    void savingWhereItCannotWriteSaysSoAndKeepsTheChanges(@TempDir Path dir) {
        viewModel.openSample(WorkbenchViewModel.Sample.BELL);
        viewModel.qasmTextProperty().set(viewModel.qasmTextProperty().get() + "// note\n");
        viewModel.saveAs(dir.resolve("no-such-dir").resolve("bell.qasm"));
        assertThat(viewModel.statusProperty().get()).startsWith("Could not save").contains("no-such-dir");
        assertThat(viewModel.dirtyProperty().get()).isTrue();
        assertThat(viewModel.qasmTextProperty().get()).endsWith("// note\n");
    }

    @Test
    void exportWritesTheCircuitInTheOtherVersionAndRefusesWhileTheTextHasAnError(@TempDir Path dir) throws IOException {
        viewModel.openSample(WorkbenchViewModel.Sample.BELL);
        Path three = dir.resolve("bell3.qasm");
        viewModel.exportQasm(io.qubench.qasm.QasmVersion.V3, three);
        assertThat(three).content().startsWith("OPENQASM 3");
        assertThat(io.qubench.qasm.QasmReader.read(three)).isEqualTo(viewModel.circuitProperty().get());

        viewModel.qasmTextProperty().set("OPENQASM 2.0;\nqreg q[1];\nfoo q[0];\n");
        viewModel.validate();
        viewModel.exportQasm(io.qubench.qasm.QasmVersion.V2, dir.resolve("broken.qasm"));
        assertThat(viewModel.statusProperty().get()).contains("fix it first");
        assertThat(dir.resolve("broken.qasm")).doesNotExist();
    }

    @Test
    void anSvgExportIsWrittenWholeAndSaid(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("bell.svg");

        viewModel.exportSvg("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>π</text></svg>", target);

        assertThat(Files.readString(target)).contains("<text>π</text>");
        assertThat(viewModel.statusProperty().get()).isEqualTo("Exported the circuit image to " + target);
        assertThat(dir.resolve("bell.svg.saving")).doesNotExist();
    }
}
