package io.qubench.backend.remote.ionq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;
import io.qubench.circuit.UserInputException;
import io.qubench.transpile.BasisTranslation;

/**
 * A circuit as IonQ's {@code ionq.circuit.v1} "qis" input (PROVIDERS.md §2), and the map from
 * IonQ's measured qubits back to the circuit's classical bits. IonQ measures every qubit once at
 * the end, so only circuits whose measurements are terminal, without reset or conditions, fit.
 * Gates IonQ does not name are first translated to {@code rz sx x cx}, which it does.
 */
public final class IonqCircuit {

    /** Our gate → IonQ's qis name, for the gates IonQ takes as they are. */
    private static final Map<StandardGate, String> QIS = Map.ofEntries(
            Map.entry(StandardGate.H, "h"), Map.entry(StandardGate.X, "x"), Map.entry(StandardGate.Y, "y"),
            Map.entry(StandardGate.Z, "z"), Map.entry(StandardGate.RX, "rx"), Map.entry(StandardGate.RY, "ry"),
            Map.entry(StandardGate.RZ, "rz"), Map.entry(StandardGate.S, "s"), Map.entry(StandardGate.SDG, "si"),
            Map.entry(StandardGate.T, "t"), Map.entry(StandardGate.TDG, "ti"), Map.entry(StandardGate.SX, "v"),
            Map.entry(StandardGate.SXDG, "vi"), Map.entry(StandardGate.CX, "cnot"), Map.entry(StandardGate.SWAP, "swap"),
            Map.entry(StandardGate.RXX, "xx"), Map.entry(StandardGate.RYY, "yy"), Map.entry(StandardGate.RZZ, "zz"));

    private final ObjectNode input;
    private final Map<Integer, Integer> clbitOfQubit;
    private final Circuit circuit;

    private IonqCircuit(ObjectNode input, Map<Integer, Integer> clbitOfQubit, Circuit circuit) {
        this.input = input;
        this.clbitOfQubit = Map.copyOf(clbitOfQubit);
        this.circuit = circuit;
    }

    /** The IonQ form of {@code circuit} (parameters bound), or a UserInputException naming what does not fit. */
    public static IonqCircuit of(Circuit circuit) {
        Circuit flat = circuit.inlined();
        checkShape(flat);
        if (flat.operations().stream().anyMatch(op -> op instanceof GateOperation g && !QIS.containsKey(g.gate()))) {
            flat = BasisTranslation.translate(flat, "cx");
        }
        ArrayNode gates = JsonNodeFactory.instance.arrayNode();
        Map<Integer, Integer> measured = new HashMap<>();
        for (Operation op : flat.operations()) {
            switch (op) {
                case GateOperation g -> gates.add(gate(g));
                case Operation.Measurement m -> measured.put(m.qubit(), m.clbit());
                default -> { }
            }
        }
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("qubits", flat.numQubits());
        input.put("gateset", "qis");
        input.set("circuit", gates);
        return new IonqCircuit(input, measured, circuit);
    }

    public ObjectNode input() {
        return input;
    }

    /** Which classical bit each measured qubit goes to; empty when the circuit measures nothing. */
    public Map<Integer, Integer> clbitOfQubit() {
        return clbitOfQubit;
    }

    public Circuit circuit() {
        return circuit;
    }

    private static ObjectNode gate(GateOperation g) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        String name = QIS.get(g.gate());
        node.put("gate", name);
        List<Integer> q = g.qubits();
        if (g.gate() == StandardGate.CX) {
            node.put("control", q.get(0));
            node.put("target", q.get(1));
        } else if (q.size() == 2) {
            node.putArray("targets").add(q.get(0)).add(q.get(1));
        } else {
            node.put("target", q.get(0));
        }
        if (g.gate().numParams() == 1) {
            node.put("rotation", g.paramValues(Map.of())[0]);
        }
        return node;
    }

    private static void checkShape(Circuit c) {
        Set<Integer> measuredQubits = new HashSet<>();
        Set<Integer> usedClbits = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < c.operations().size(); i++) {
            Operation op = c.operations().get(i);
            String where = "operation " + (i + 1);
            if (op.condition().isPresent()) {
                problems.add(where + ": IonQ runs no classically conditioned operations");
            }
            switch (op) {
                case Operation.Reset r -> problems.add(where + ": IonQ runs no mid-circuit reset (reset " + c.qubitLabel(r.qubit()) + ")");
                case Operation.Measurement m -> {
                    if (!measuredQubits.add(m.qubit())) {
                        problems.add(where + ": " + c.qubitLabel(m.qubit()) + " is measured twice; IonQ measures each qubit once, at the end");
                    }
                    if (!usedClbits.add(m.clbit())) {
                        problems.add(where + ": " + c.clbitLabel(m.clbit()) + " receives two measurements");
                    }
                }
                case GateOperation g -> {
                    for (int q : g.qubits()) {
                        if (measuredQubits.contains(q)) {
                            problems.add(where + ": " + g.gate().qasmName() + " on " + c.qubitLabel(q)
                                    + " after it was measured; IonQ measures only at the end");
                        }
                    }
                    if (!g.params().isEmpty() && !g.params().stream().allMatch(io.qubench.circuit.Expression::isConstant)) {
                        problems.add(where + ": " + g.gate().qasmName() + " has an unbound parameter");
                    }
                }
                case Operation.Barrier b -> { }
            }
        }
        if (!problems.isEmpty()) {
            throw new UserInputException("The circuit does not fit IonQ: " + String.join("; ", problems));
        }
    }
}
