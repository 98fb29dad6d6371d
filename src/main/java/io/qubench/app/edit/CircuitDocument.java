package io.qubench.app.edit;

import java.util.Objects;

import io.qubench.circuit.Circuit;
import io.qubench.qasm.QasmReader;
import io.qubench.qasm.QasmVersion;
import io.qubench.qasm.QasmWriter;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The circuit being edited together with its OpenQASM text. Both change at once: a canvas edit
 * writes new text in the document's QASM version, a text edit brings its own parsed circuit.
 * Observers watch {@link #stateProperty()}.
 */
public final class CircuitDocument {

    /** A circuit and the text it was read from or written as. */
    public record State(Circuit circuit, String text) {
        public State {
            Objects.requireNonNull(circuit, "circuit");
            Objects.requireNonNull(text, "text");
        }

        public QasmVersion version() {
            return QasmReader.detectVersion(text);
        }
    }

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state");

    public CircuitDocument(Circuit circuit, String text) {
        state.set(new State(circuit, text));
    }

    /** A document with nothing loaded yet: {@link #state()} is null until {@link #restore} gives it one. */
    public CircuitDocument() {
    }

    /** A document for a circuit that has no text yet: written as OpenQASM {@code version}. */
    public static CircuitDocument of(Circuit circuit, QasmVersion version) {
        return new CircuitDocument(circuit, QasmWriter.write(circuit, version));
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The current circuit and text, or null before anything was loaded. */
    public State state() {
        return state.get();
    }

    public Circuit circuit() {
        return state.get().circuit();
    }

    public String text() {
        return state.get().text();
    }

    /**
     * Replaces the circuit and rewrites the text in the document's version. Throws a
     * {@link io.qubench.circuit.UserInputException} (and changes nothing) when that version
     * cannot express the circuit, e.g. a free parameter in OpenQASM 2.
     */
    public void setCircuit(Circuit circuit) {
        if (state.get() == null) {
            throw new IllegalStateException("no document is loaded");
        }
        String text = QasmWriter.write(circuit, state.get().version());
        state.set(new State(circuit, text));
    }

    /** Puts back an earlier state exactly, text included. */
    public void restore(State earlier) {
        state.set(Objects.requireNonNull(earlier));
    }
}
