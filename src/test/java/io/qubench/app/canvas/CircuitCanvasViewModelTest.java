package io.qubench.app.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.qubench.app.edit.CircuitDocument;
import io.qubench.app.edit.CommandManager;
import io.qubench.qasm.QasmReader;

class CircuitCanvasViewModelTest {

    private static final String HEADER = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";

    private final List<String> problems = new ArrayList<>();
    private final CommandManager commands = new CommandManager();
    private CircuitDocument document = documentOf("qreg q[3];\ncreg c[3];\n");
    private CircuitCanvasViewModel canvas = new CircuitCanvasViewModel(document, commands, problems::add);

    private static CircuitDocument documentOf(String body) {
        String text = HEADER + body;
        return new CircuitDocument(QasmReader.parse(text, "test"), text);
    }

    private void open(String body) {
        document = documentOf(body);
        canvas = new CircuitCanvasViewModel(document, commands, problems::add);
    }

    private String text() {
        return document.text();
    }

    @Test
    void droppingAGateOnAWirePlacesItThereAndSelectsIt() {
        assertThat(canvas.drop("h", 1, 0)).isTrue();
        assertThat(text()).contains("h q[1];");
        assertThat(canvas.selection()).containsExactly(0);
        assertThat(canvas.layoutProperty().get().columns()).isEqualTo(1);
        assertThat(problems).isEmpty();
    }

    @Test
    void aTwoQubitGateDroppedOnAWireTakesTheNextWireOrThePreviousAtTheBottom() {
        canvas.drop("cx", 0, 0);
        canvas.drop("cx", 2, 1);
        assertThat(text()).contains("cx q[0], q[1];\ncx q[1], q[2];");
    }

    @Test
    void draggingAcrossWiresPutsTheFirstQubitWhereTheDragStartedAndTheLastWhereItEnded() {
        canvas.placeAcross("cx", 2, 0, 0);
        canvas.placeAcross("ccx", 0, 2, 1);
        canvas.placeAcross("ccx", 2, 0, 2);
        assertThat(text()).contains("cx q[2], q[0];\nccx q[0], q[1], q[2];\nccx q[2], q[1], q[0];");
        assertThat(canvas.placeAcross("ccx", 0, 1, 3)).isFalse();
        assertThat(problems).containsExactly("Ccx needs 3 qubits: drag across 3 wires");
    }

    @Test
    void aGateDroppedInAnEarlierColumnGoesBeforeTheLaterGatesOnItsWires() {
        canvas.drop("h", 0, 0);
        canvas.drop("x", 0, 1);
        canvas.drop("z", 0, 1);
        assertThat(text()).contains("h q[0];\nz q[0];\nx q[0];");
    }

    @Test
    void aDropOffTheQubitsIsRefusedWithAReason() {
        assertThat(canvas.drop("h", 3, 0)).isFalse();
        assertThat(problems.getFirst()).isEqualTo("q[3] is not a qubit: the circuit has 3 (0…2)");
        open("qreg q[1];\n");
        assertThat(canvas.drop("cx", 0, 0)).isFalse();
        assertThat(problems.getLast()).contains("Cx needs 2 qubits; the circuit has 1");
    }

    @Test
    void measurementsGoToTheBitOfTheSameNumberAndBarriersAcrossAllQubits() {
        canvas.drop("measure", 2, 0);
        canvas.drop("barrier", 1, 0);
        assertThat(text()).contains("barrier q[0], q[1], q[2];\nmeasure q[2] -> c[2];");
    }

    @Test
    void aFirstMeasurementAddsARegisterWithABitPerQubitAsOneEdit() {
        open("qreg q[2];\nqreg c[1];\nh q[1];\n");
        assertThat(canvas.drop("measure", 1, 1)).isTrue();
        assertThat(text()).contains("creg c1[3];").contains("h q[1];\nmeasure q[1] -> c1[1];");
        assertThat(commands.undoDescriptionProperty().get()).isEqualTo("Add measure");
        commands.undo();
        assertThat(text()).doesNotContain("creg");
        canvas.selectedWireProperty().set(0);
        canvas.type("measure");
        assertThat(canvas.placeTyped()).isTrue();
        assertThat(text()).contains("measure q[0] -> c1[0];");
    }

    @Test
    void movingAGateShiftsAllItsQubitsOrRewiresOnlyTheGrabbedOne() {
        open("qreg q[3];\nh q[0];\ncx q[0], q[1];\n");
        assertThat(canvas.move(0, 0, 2, 4, false)).isTrue();
        assertThat(text()).contains("h q[2];\ncx q[0], q[1];");
        assertThat(canvas.layoutProperty().get().columnOf(0)).as("packed left on its empty wire").isZero();
        assertThat(canvas.move(1, 1, 2, 0, true)).isTrue();
        assertThat(text()).contains("cx q[0], q[2];");
        int cx = canvas.selection().iterator().next();
        canvas.move(cx, 0, 2, 0, true);
        assertThat(text()).contains("cx q[2], q[0];");
        assertThat(canvas.move(cx, 2, 3, 0, false)).isFalse();
        assertThat(problems.getLast()).contains("not a qubit");
    }

    @Test
    void choosingQubitsByNumberKeepsTheGateInItsColumn() {
        open("qreg q[3];\ncx q[0], q[1];\n");
        assertThat(canvas.setQubits(0, "2, q[0]")).isTrue();
        assertThat(text()).contains("cx q[2], q[0];");
        assertThat(canvas.setQubits(0, "1")).isFalse();
        assertThat(problems.getLast()).isEqualTo("cx needs 2 qubit(s), not 1 ('1')");
        assertThat(canvas.setQubits(0, "1 1")).isFalse();
        assertThat(problems.getLast()).contains("same qubit twice");
    }

    @Test
    void anAngleIsEditedAsAnExpressionAndABadOneIsRefused() {
        open("qreg q[1];\nrx(pi/2) q[0];\nu3(1, 2, 3) q[0];\n");
        assertThat(canvas.hasParameters(0)).isTrue();
        assertThat(canvas.parametersText(1)).isEqualTo("1, 2, 3");
        assertThat(canvas.editParameters(0, "pi/4")).isTrue();
        assertThat(text()).contains("rx(pi/4) q[0];");
        assertThat(commands.undoDescriptionProperty().get()).isEqualTo("Edit angle of rx");
        assertThat(canvas.editParameters(1, "0, atan(1), -pi")).isTrue();
        assertThat(text()).contains("u3(0, atan(1), -pi) q[0];");
        assertThat(canvas.editParameters(0, "pi/")).isFalse();
        assertThat(problems.getLast()).startsWith("angle 'pi/':");
        assertThat(canvas.editParameters(0, "theta")).isFalse();
        assertThat(problems.getLast()).contains("OpenQASM 2 has no free parameters");
        assertThat(text()).contains("rx(pi/4) q[0];");
    }

    @Test
    void aSymbolicAngleIsKeptInAnOpenQasm3Document() {
        String text = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[1] q;\nrz(pi) q[0];\n";
        document = new CircuitDocument(QasmReader.parse(text, "v3"), text);
        canvas = new CircuitCanvasViewModel(document, commands, problems::add);
        assertThat(canvas.editParameters(0, "2*theta")).isTrue();
        assertThat(text()).contains("rz(2*theta) q[0];");
        assertThat(canvas.describe(0)).contains("depends on theta");
    }

    @Test
    void deletingTheSelectionIsOneUndoableCommand() {
        open("qreg q[2];\nh q[0];\nx q[1];\ncx q[0], q[1];\n");
        canvas.selectWithin(0, 0, 0, 1);
        assertThat(canvas.selection()).containsExactlyInAnyOrder(0, 1);
        assertThat(canvas.deleteSelection()).isTrue();
        assertThat(document.circuit().operations()).hasSize(1);
        assertThat(canvas.selection()).isEmpty();
        commands.undo();
        assertThat(document.circuit().operations()).hasSize(3);
        assertThat(canvas.deleteSelection()).isFalse();
    }

    @Test
    void copiedOperationsArePastedAfterEverythingAsOneCommand() {
        open("qreg q[2];\nh q[0];\ncx q[0], q[1];\n");
        canvas.selectAll();
        canvas.copySelection();
        assertThat(canvas.paste()).isTrue();
        assertThat(text()).contains("h q[0];\ncx q[0], q[1];\nh q[0];\ncx q[0], q[1];");
        assertThat(canvas.selection()).containsExactlyInAnyOrder(2, 3);
        assertThat(commands.undoDescriptionProperty().get()).isEqualTo("Paste 2 operations");
        commands.undo();
        assertThat(document.circuit().operations()).hasSize(2);
        assertThat(canvas.selection()).isEmpty();
    }

    @Test
    void typingAGateOnTheSelectedWirePlacesItAfterItsLastGate() {
        canvas.selectedWireProperty().set(0);
        canvas.type("h");
        assertThat(canvas.placeTyped()).isTrue();
        assertThat(canvas.typedProperty().get()).isEmpty();
        canvas.type("cx 2");
        canvas.placeTyped();
        canvas.type("rz(pi/4)");
        canvas.placeTyped();
        canvas.type("ccx 2 1 0");
        canvas.placeTyped();
        canvas.type("m");
        canvas.placeTyped();
        assertThat(text()).contains("h q[0];\ncx q[0], q[2];\nrz(pi/4) q[0];\nccx q[2], q[1], q[0];\nmeasure q[0] -> c[0];");
        assertThat(canvas.selectedWireProperty().get()).isZero();
    }

    @Test
    void typedTextThatIsNoGateOrLacksQubitsIsRefusedAndKept() {
        canvas.type("foo");
        assertThat(canvas.placeTyped()).isFalse();
        assertThat(problems.getLast()).isEqualTo("'foo': no gate named 'foo'");
        assertThat(canvas.typedProperty().get()).isEqualTo("foo");
        canvas.clearTyped();
        canvas.type("h");
        canvas.placeTyped();
        assertThat(problems.getLast()).contains("select a wire first");
        canvas.clearTyped();
        canvas.type("cx");
        canvas.placeTyped();
        assertThat(problems.getLast()).isEqualTo("'cx': Cx needs 2 qubit(s), 1 after the selected wire");
        canvas.selectedWireProperty().set(1);
        canvas.backspace();
        canvas.backspace();
        canvas.type("cx 7");
        canvas.placeTyped();
        assertThat(problems.getLast()).contains("q[7] is not a qubit");
        canvas.clearTyped();
        canvas.type("h(1)");
        canvas.placeTyped();
        assertThat(problems.getLast()).contains("H takes 0 angle(s)");
    }

    @Test
    void hoveringAGateDescribesItsMatrix() {
        open("qreg q[2];\ncreg c[1];\nh q[1];\nmeasure q[1] -> c[0];\nif (c==1) x q[0];\n");
        assertThat(canvas.describe(0)).startsWith("h q[1]").contains("0.7071").contains("-0.7071");
        assertThat(canvas.describe(1)).isEqualTo("measure q[1] → c[0]");
        assertThat(canvas.describe(2)).startsWith("if (c==1) x q[0]");
        assertThat(canvas.describe(9)).isEmpty();
    }

    @Test
    void qubitsAreAddedAtTheEndAndTheSelectedWireIsRemoved() {
        open("qreg q[2];\nh q[0];\nx q[1];\n");
        canvas.addQubit();
        assertThat(document.circuit().numQubits()).isEqualTo(3);
        canvas.selectedWireProperty().set(0);
        canvas.removeQubit();
        assertThat(text()).contains("qreg q[2];\nx q[0];");
        assertThat(canvas.selectedWireProperty().get()).isZero();
    }

    @Test
    void zoomStaysWithinItsRange() {
        for (int i = 0; i < 20; i++) {
            canvas.zoomIn();
        }
        assertThat(canvas.zoomProperty().get()).isEqualTo(CanvasMetrics.MAX_ZOOM);
        for (int i = 0; i < 20; i++) {
            canvas.zoomOut();
        }
        assertThat(canvas.zoomProperty().get()).isEqualTo(CanvasMetrics.MIN_ZOOM);
        canvas.resetZoom();
        assertThat(canvas.metrics().cellWidth()).isEqualTo(52);
    }

    @Test
    void userDefinedGatesAppearInThePaletteAndCanBePlaced() {
        open("qreg q[2];\ngate bell a, b { h a; cx a, b; }\nbell q[0], q[1];\n");
        var user = canvas.paletteProperty().get().entries(GatePalette.Group.USER_DEFINED);
        assertThat(user).extracting(GatePalette.Entry::label).containsExactly("bell");
        assertThat(canvas.drop("def:bell", 0, 1)).isTrue();
        assertThat(text()).contains("bell q[0], q[1];\nbell q[0], q[1];");
        canvas.selectedWireProperty().set(1);
        canvas.type("bell 0");
        assertThat(canvas.placeTyped()).isTrue();
        assertThat(text()).contains("bell q[1], q[0];");
    }

    @Test
    void withoutACircuitEditsAreRefused() {
        canvas = new CircuitCanvasViewModel(new CircuitDocument(), commands, problems::add);
        assertThat(canvas.drop("h", 0, 0)).isFalse();
        assertThat(problems.getLast()).contains("there is no circuit yet");
        assertThat(canvas.layoutProperty().get()).isNull();
        canvas.selectAll();
        assertThat(canvas.selection()).isEmpty();
        assertThat(Set.copyOf(canvas.selection())).isEmpty();
    }
}
