package io.qubench.backend.remote.ionq;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.qubench.backend.remote.TerminalMeasurements;
import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;
import io.qubench.transpile.BasisTranslation;

/**
 * A circuit as IonQ's {@code ionq.circuit.v1} "qis" input (PROVIDERS.md §2), and the map from
 * IonQ's measured qubits back to the circuit's classical bits. IonQ measures every qubit once at
 * the end, so only circuits whose measurements are terminal, without reset or conditions, fit
 * ({@link TerminalMeasurements}).
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
    private final TerminalMeasurements measurements;

    private IonqCircuit(ObjectNode input, TerminalMeasurements measurements) {
        this.input = input;
        this.measurements = measurements;
    }

    /** The IonQ form of {@code circuit} (parameters bound), or a UserInputException naming what does not fit. */
    public static IonqCircuit of(Circuit circuit) {
        Circuit flat = circuit.inlined();
        TerminalMeasurements measurements = TerminalMeasurements.of(flat, "IonQ");
        if (flat.operations().stream().anyMatch(op -> op instanceof GateOperation g && !QIS.containsKey(g.gate()))) {
            flat = BasisTranslation.translate(flat, "cx");
        }
        ArrayNode gates = JsonNodeFactory.instance.arrayNode();
        for (Operation op : flat.operations()) {
            if (op instanceof GateOperation g) {
                gates.add(gate(g));
            }
        }
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("qubits", flat.numQubits());
        input.put("gateset", "qis");
        input.set("circuit", gates);
        return new IonqCircuit(input, measurements);
    }

    public ObjectNode input() {
        return input;
    }

    /** How IonQ's per-qubit outcomes map back to the circuit's classical bits. */
    public TerminalMeasurements measurements() {
        return measurements;
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
}
