package io.qubench.device;

import java.util.List;
import java.util.Set;

/**
 * A quantum device: qubits, native gates, the directed coupling map and limits, with its
 * calibration. Edges whose two-qubit gate is broken (error ≥ 0.5) are not in
 * {@link #usableEdges()}.
 */
public record Device(String name, String backendName, int qubits, List<String> basisGates, List<Edge> couplingMap,
        int maxShots, Calibration calibration) {

    /** A directed coupling: a two-qubit gate may act with {@code control} first and {@code target} second. */
    public record Edge(int control, int target) {
    }

    public Device {
        basisGates = List.copyOf(basisGates);
        couplingMap = List.copyOf(couplingMap);
    }

    /** The native two-qubit gate (cx, ecr or cz). */
    public String twoQubitGate() {
        return twoQubitGateOf(basisGates);
    }

    /** The two-qubit gate a device with these basis gates is targeted with: ecr, cz or cx (the default). */
    static String twoQubitGateOf(List<String> basisGates) {
        for (String g : List.of("ecr", "cz", "cx")) {
            if (basisGates.contains(g)) {
                return g;
            }
        }
        return "cx";
    }

    /** Coupling-map edges whose native two-qubit gate is not broken. */
    public List<Edge> usableEdges() {
        String g = twoQubitGate();
        Set<Edge> broken = calibration.gates().stream()
                .filter(c -> c.gate().equals(g) && c.qubits().size() == 2 && c.isBroken())
                .map(c -> new Edge(c.qubits().get(0), c.qubits().get(1)))
                .collect(java.util.stream.Collectors.toSet());
        return couplingMap.stream().filter(e -> !broken.contains(e)).toList();
    }
}
