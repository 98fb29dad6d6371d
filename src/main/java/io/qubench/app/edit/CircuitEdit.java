package io.qubench.app.edit;

import io.qubench.circuit.Circuit;

/**
 * An edit that turns the document's circuit into another one. Circuits are immutable, so undo
 * and redo put back the states taken before and after: no inverse edit has to be written.
 */
public abstract class CircuitEdit implements EditCommand {

    private final CircuitDocument document;
    private CircuitDocument.State before;
    private CircuitDocument.State after;

    protected CircuitEdit(CircuitDocument document) {
        this.document = document;
    }

    /** The edited circuit; throws a UserInputException when the edit does not apply to it. */
    protected abstract Circuit apply(Circuit circuit);

    @Override
    public final void execute() {
        CircuitDocument.State start = document.state();
        document.setCircuit(apply(start.circuit()));
        before = start;
        after = document.state();
    }

    @Override
    public final void undo() {
        document.restore(requireDone().before);
    }

    @Override
    public final void redo() {
        document.restore(requireDone().after);
    }

    private CircuitEdit requireDone() {
        if (before == null) {
            throw new IllegalStateException(description() + " was never executed");
        }
        return this;
    }
}
