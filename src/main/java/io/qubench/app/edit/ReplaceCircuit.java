package io.qubench.app.edit;

import io.qubench.circuit.Circuit;

/** A text edit that parsed: the whole document becomes the new text and its circuit; undo puts the old text back. */
public final class ReplaceCircuit implements EditCommand {

    private final CircuitDocument document;
    private final CircuitDocument.State after;
    private CircuitDocument.State before;

    public ReplaceCircuit(CircuitDocument document, Circuit circuit, String text) {
        this.document = document;
        this.after = new CircuitDocument.State(circuit, text);
    }

    @Override
    public void execute() {
        before = document.state();
        document.restore(after);
    }

    @Override
    public void undo() {
        if (before == null) {
            throw new IllegalStateException("the text edit was never executed");
        }
        document.restore(before);
    }

    @Override
    public String description() {
        return "Edit text";
    }
}
