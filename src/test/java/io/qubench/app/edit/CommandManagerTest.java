package io.qubench.app.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Expression;
import io.qubench.circuit.Operation;
import io.qubench.circuit.StandardGate;
import io.qubench.circuit.UserInputException;
import io.qubench.qasm.QasmReader;
import io.qubench.qasm.QasmVersion;

class CommandManagerTest {

    private static final String BELL = """
            OPENQASM 2.0;
            include "qelib1.inc";
            // keep me
            qreg q[2];
            creg c[2];
            h q[0];
            cx q[0], q[1];
            """;

    private final CircuitDocument document = new CircuitDocument(QasmReader.parse(BELL, "bell"), BELL);
    private final CommandManager manager = new CommandManager();

    @Test
    void addingAGateRewritesTheTextInTheDocumentsVersionAndUndoRestoresTheExactOldText() {
        manager.execute(new AddOperation(document, 2, new Operation.Measurement(1, 1)));
        assertThat(document.text()).startsWith("OPENQASM 2.0;").contains("measure q[1] -> c[1];").doesNotContain("keep me");
        assertThat(document.circuit().operations()).hasSize(3);
        assertThat(manager.undoDescriptionProperty().get()).isEqualTo("Add measure");

        manager.undo();
        assertThat(document.text()).isEqualTo(BELL);
        assertThat(manager.canUndoProperty().get()).isFalse();
        assertThat(manager.canRedoProperty().get()).isTrue();

        manager.redo();
        assertThat(document.circuit().operations().get(2)).isEqualTo(new Operation.Measurement(1, 1));
    }

    @Test
    void anOpenQasm3DocumentStaysOpenQasm3() {
        String text = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[1] q;\n";
        CircuitDocument v3 = new CircuitDocument(QasmReader.parse(text, "v3"), text);
        new AddOperation(v3, 0, new Operation.GateOperation(StandardGate.RZ, List.of(Expression.symbol("theta")), List.of(0)))
                .execute();
        assertThat(v3.text()).startsWith("OPENQASM 3.0;").contains("input float[64] theta;").contains("rz(theta) q[0];");
        assertThat(v3.state().version()).isEqualTo(QasmVersion.V3);
    }

    @Test
    void anEditTheDocumentsVersionCannotWriteIsRefusedAndNothingIsRecorded() {
        var rz = new Operation.GateOperation(StandardGate.RZ, List.of(Expression.symbol("theta")), List.of(0));
        assertThatThrownBy(() -> manager.execute(new AddOperation(document, 0, rz)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("OpenQASM 2 has no free parameters");
        assertThat(document.text()).isEqualTo(BELL);
        assertThat(manager.canUndoProperty().get()).isFalse();
    }

    @Test
    void everyExecuteUndoAndRedoRaisesTheRevisionAndAnExecuteClearsRedo() {
        int start = manager.revisionProperty().get();
        manager.execute(new RemoveOperations(document, Set.of(1)));
        manager.undo();
        manager.redo();
        assertThat(manager.revisionProperty().get()).isEqualTo(start + 3);
        manager.undo();
        manager.execute(new AddOperation(document, 0, new Operation.Reset(0)));
        assertThat(manager.canRedoProperty().get()).isFalse();
        manager.undo();
        manager.undo();
        assertThat(manager.canUndoProperty().get()).isFalse();
        manager.undo();
        assertThat(document.text()).isEqualTo(BELL);
    }

    @Test
    void aBatchUndoesAsOneInReverseOrder() {
        manager.execute(new Batch("Paste 2 operations", List.of(
                new AddOperation(document, 2, new Operation.GateOperation(StandardGate.X, List.of(), List.of(0))),
                new AddOperation(document, 3, new Operation.GateOperation(StandardGate.Y, List.of(), List.of(1))))));
        assertThat(document.text()).contains("x q[0];\ny q[1];");
        assertThat(manager.undoDescriptionProperty().get()).isEqualTo("Paste 2 operations");
        manager.undo();
        assertThat(document.text()).isEqualTo(BELL);
        manager.redo();
        assertThat(document.circuit().operations()).hasSize(4);
    }

    @Test
    void aBatchWhosePartFailsLeavesTheDocumentAsItWas() {
        Batch batch = new Batch("two", List.of(new RemoveOperations(document, Set.of(0)), new RemoveOperations(document, Set.of(7))));
        assertThatThrownBy(() -> manager.execute(batch)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("operation 8 does not exist");
        assertThat(document.text()).isEqualTo(BELL);
    }

    @Test
    void aTextEditIsOneCommandAndUndoBringsBackTheOldText() {
        String typed = BELL + "x q[1];\n";
        manager.execute(new ReplaceCircuit(document, QasmReader.parse(typed, "t"), typed));
        assertThat(document.text()).isEqualTo(typed);
        assertThat(manager.undoDescriptionProperty().get()).isEqualTo("Edit text");
        manager.undo();
        assertThat(document.text()).isEqualTo(BELL);
        assertThat(document.circuit().operations()).hasSize(2);
    }

    @Test
    void movingAGatePutsItOnOtherQubitsAtAnotherPlace() {
        manager.execute(new MoveOperation(document, 0, 1, List.of(1)));
        assertThat(document.circuit().operations()).containsExactly(
                new Operation.GateOperation(StandardGate.CX, List.of(), List.of(0, 1)),
                new Operation.GateOperation(StandardGate.H, List.of(), List.of(1)));
        assertThatThrownBy(() -> new MoveOperation(document, 0, 0, List.of(1, 1)).execute())
                .isInstanceOf(UserInputException.class).hasMessageContaining("same qubit twice");
    }

    @Test
    void replacingAnOperationChangesOnlyThatOne() {
        var rx = new Operation.GateOperation(StandardGate.RX, List.of(Expression.parse("pi/4")), List.of(0));
        manager.execute(new ReplaceOperation(document, 0, rx, "Edit angle of rx"));
        assertThat(document.text()).contains("rx(pi/4) q[0];").contains("cx q[0], q[1];");
        assertThat(manager.undoDescriptionProperty().get()).isEqualTo("Edit angle of rx");
    }

    @Test
    void addingAndRemovingQubitsRenumbersOperationsAndKeepsConditions() {
        String text = """
                OPENQASM 2.0;
                include "qelib1.inc";
                qreg a[2];
                qreg b[1];
                creg c[1];
                h a[1];
                cx a[1], b[0];
                barrier a[0], a[1], b[0];
                if (c==1) x b[0];
                """;
        CircuitDocument doc = new CircuitDocument(QasmReader.parse(text, "t"), text);
        new AddQubit(doc).execute();
        assertThat(doc.text()).contains("qreg b[2];");
        new RemoveQubit(doc, 1).execute();
        Circuit c = doc.circuit();
        assertThat(c.numQubits()).isEqualTo(3);
        assertThat(doc.text()).contains("qreg a[1];").doesNotContain("h a").doesNotContain("cx")
                .contains("barrier a[0], b[0];").contains("if (c==1) x b[0];");
        assertThatThrownBy(() -> new RemoveQubit(doc, 9).execute()).isInstanceOf(UserInputException.class)
                .hasMessageContaining("qubit 9 does not exist");
    }

    @Test
    void aClassicalRegisterIsAddedAfterTheOthersAndANameIsNotTakenTwice() {
        manager.execute(new AddClassicalRegister(document, "m", 2));
        assertThat(document.text()).contains("creg c[2];\ncreg m[2];");
        assertThat(document.circuit().numClbits()).isEqualTo(4);
        assertThatThrownBy(() -> new AddClassicalRegister(document, "q", 1).execute())
                .isInstanceOf(UserInputException.class).hasMessage("a register named 'q' already exists");
    }

    @Test
    void theLastQubitCannotBeRemoved() {
        String text = "OPENQASM 2.0;\nqreg q[1];\n";
        CircuitDocument doc = new CircuitDocument(QasmReader.parse(text, "t"), text);
        assertThatThrownBy(() -> new RemoveQubit(doc, 0).execute()).hasMessageContaining("last qubit");
    }
}
