package io.qubench.app.canvas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Expression;
import io.qubench.circuit.Gate;
import io.qubench.circuit.GateDefinition;
import io.qubench.circuit.Operation;
import io.qubench.circuit.StandardGate;
import io.qubench.circuit.UserInputException;

/**
 * What can be placed on the canvas, in groups: the standard gates, measure/reset/barrier, and
 * the circuit's own gate definitions. Pure: the palette view draws it, the canvas places it.
 */
public final class GatePalette {

    /** The palette's groups, in display order. */
    public enum Group {
        SINGLE_QUBIT("Single-qubit"),
        ROTATIONS("Rotations"),
        TWO_QUBIT("Two-qubit"),
        THREE_QUBIT("Three-qubit"),
        NON_UNITARY("Measure, reset, barrier"),
        USER_DEFINED("User-defined");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        /** CSS class of the group's gates: {@code gate-single-qubit}. */
        public String styleClass() {
            return "gate-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** What an entry places. */
    public enum Kind { GATE, MEASURE, RESET, BARRIER }

    /** One placeable item; {@code id} is what a drag carries ("h", "measure", "def:mygate"). */
    public record Entry(String id, String label, Group group, Kind kind, Gate gate) {

        /** Qubits the entry needs; a barrier takes every qubit of the circuit. */
        public int qubits() {
            return kind == Kind.GATE ? gate.numQubits() : 1;
        }

        /**
         * The operation this entry places on {@code qubits}, with {@code pi/2} for every angle
         * (double-click to change it) and, for a measurement, the classical bit with the
         * qubit's number, or the last one.
         */
        public Operation operationOn(List<Integer> qubits, Circuit circuit) {
            return switch (kind) {
                case GATE -> new Operation.GateOperation(gate,
                        Collections.nCopies(gate.numParams(), DEFAULT_ANGLE), qubits);
                case MEASURE -> {
                    if (circuit.numClbits() == 0) {
                        throw new UserInputException("the circuit has no classical bits to measure into: declare a creg first");
                    }
                    int q = qubits.getFirst();
                    yield new Operation.Measurement(q, Math.min(q, circuit.numClbits() - 1));
                }
                case RESET -> new Operation.Reset(qubits.getFirst());
                case BARRIER -> new Operation.Barrier(qubits);
            };
        }
    }

    static final Expression DEFAULT_ANGLE = new Expression.Binary('/', Expression.PI, Expression.of(2));

    private static final List<Entry> STANDARD = standardEntries();

    private final List<Entry> entries;

    private GatePalette(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The standard entries plus one for each gate the circuit defines. */
    public static GatePalette forCircuit(Circuit circuit) {
        List<Entry> all = new ArrayList<>(STANDARD);
        if (circuit != null) {
            for (GateDefinition d : circuit.definitions()) {
                all.add(new Entry("def:" + d.name(), d.name(), Group.USER_DEFINED, Kind.GATE, d));
            }
        }
        return new GatePalette(all);
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<Entry> entries(Group group) {
        return entries.stream().filter(e -> e.group() == group).toList();
    }

    public Optional<Entry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The entry a user types the name of ("h", "cx", "measure", or a defined gate's name). */
    public Optional<Entry> named(String name) {
        return entry(name).or(() -> entry("def:" + name));
    }

    /** How a gate is labelled on the canvas and the palette: {@code H}, {@code Rz}, {@code Sdg}. */
    public static String label(Gate gate) {
        String n = gate.qasmName();
        return gate instanceof StandardGate ? Character.toUpperCase(n.charAt(0)) + n.substring(1) : n;
    }

    private static List<Entry> standardEntries() {
        List<Entry> out = new ArrayList<>();
        for (StandardGate g : StandardGate.values()) {
            Group group = g.numQubits() == 3 ? Group.THREE_QUBIT
                    : g.numQubits() == 2 ? Group.TWO_QUBIT
                    : g.numParams() > 0 ? Group.ROTATIONS : Group.SINGLE_QUBIT;
            out.add(new Entry(g.qasmName(), label(g), group, Kind.GATE, g));
        }
        out.add(new Entry("measure", "Measure", Group.NON_UNITARY, Kind.MEASURE, null));
        out.add(new Entry("reset", "Reset", Group.NON_UNITARY, Kind.RESET, null));
        out.add(new Entry("barrier", "Barrier", Group.NON_UNITARY, Kind.BARRIER, null));
        return out;
    }
}
