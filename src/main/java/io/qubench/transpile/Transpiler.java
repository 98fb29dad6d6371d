package io.qubench.transpile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.circuit.ClassicalRegister;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.Operation.Measurement;
import io.qubench.circuit.StandardGate;
import io.qubench.circuit.UserInputException;
import io.qubench.device.Device;

/**
 * Makes a circuit runnable on a device, pass by pass: validation ({@link DeviceValidator}),
 * gates on three qubits as CX and one-qubit gates, a noise-aware initial layout
 * ({@link NoiseAwareLayout}) refined by SABRE's forward–backward passes, SWAP routing
 * ({@link SabreRouting}), translation to the native gates respecting the couplers' direction
 * ({@link BasisTranslation}), then optimisation ({@link OneQubitMerge},
 * {@link InverseCancellation}) until nothing changes. The layout routed with the highest
 * estimated fidelity wins; measurements that end a qubit's use are made last, where the qubit
 * ends. Every choice is seeded, so the same input gives the same output.
 */
public final class Transpiler {

    /** Forward–backward SABRE passes tried after the noise-aware layout. */
    private static final int LAYOUT_REFINEMENTS = 2;
    private static final int MAX_OPTIMISATION_ROUNDS = 20;

    private final Device device;
    private final CouplingGraph graph;
    private final DeviceErrors errors;

    public Transpiler(Device device) {
        this.device = device;
        this.graph = new CouplingGraph(device);
        this.errors = new DeviceErrors(device);
    }

    public Device device() {
        return device;
    }

    public TranspileResult transpile(Circuit circuit, TranspileOptions options) {
        if (!circuit.parameters().isEmpty()) {
            throw new UserInputException("the circuit has free parameters (" + String.join(", ", circuit.parameters())
                    + "): give them values before transpiling for " + device.name());
        }
        DeviceValidator.require(circuit, device, options.shots(), false);
        List<Operation> ops = atMostTwoQubits(circuit.inlined());
        SabreRouting sabre = new SabreRouting(graph);
        Layout start = chooseLayout(ops, circuit.numQubits(), sabre, options.seed());
        SabreRouting.Routed routed = routeMeasuringLast(ops, start, sabre, options.seed());
        Circuit physical = onDevice(circuit, routed.operations());
        Circuit isa = BasisTranslation.translate(physical, device.twoQubitGate(), graph::directed);
        if (options.optimise()) {
            isa = optimise(isa);
        }
        TranspileReport report = new TranspileReport(device.name(), device.calibration().timestamp().toString(), options.seed(),
                options.optimise(), CircuitStats.of(circuit), CircuitStats.of(isa), routed.swaps(), labels(circuit, start),
                labels(circuit, routed.finalLayout()), SuccessEstimate.of(isa, errors));
        return new TranspileResult(isa, start, routed.finalLayout(), report);
    }

    /**
     * The noise-aware layout and those SABRE's forward–backward passes refine from it, each
     * judged by the estimated fidelity of its routing; the best wins. Only two-qubit gates decide
     * SWAPs, so the search routes them alone.
     */
    private Layout chooseLayout(List<Operation> ops, int circuitQubits, SabreRouting sabre, long seed) {
        List<Operation> twoQubitGates = ops.stream().filter(Operations::isTwoQubitGate).toList();
        int[] measured = measuredQubits(ops, circuitQubits);
        Layout candidate = new NoiseAwareLayout(graph, errors).choose(ops, circuitQubits);
        Layout best = candidate;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= LAYOUT_REFINEMENTS; k++) {
            SabreRouting.Routed forward = sabre.route(twoQubitGates, candidate, seed + k);
            double score = logFidelity(forward, measured);
            if (score > bestScore + 1e-12) {
                bestScore = score;
                best = candidate;
            }
            if (k < LAYOUT_REFINEMENTS) {
                candidate = sabre.reverseRefine(twoQubitGates, forward.finalLayout(), seed + k);
            }
        }
        return best;
    }

    /** Routes {@code ops} from {@code start}, with the deferrable measurements made at the end where their qubits are. */
    private static SabreRouting.Routed routeMeasuringLast(List<Operation> ops, Layout start, SabreRouting sabre, long seed) {
        boolean[] deferred = deferrableMeasurements(ops);
        List<Operation> toRoute = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            if (!deferred[i]) {
                toRoute.add(ops.get(i));
            }
        }
        SabreRouting.Routed routed = sabre.route(toRoute, start, seed);
        List<Operation> out = new ArrayList<>(routed.operations());
        for (int i = 0; i < ops.size(); i++) {
            if (deferred[i] && ops.get(i) instanceof Measurement m) {
                out.add(new Measurement(routed.finalLayout().physical(m.qubit()), m.clbit()));
            }
        }
        return new SabreRouting.Routed(out, routed.finalLayout(), routed.swaps());
    }

    /** Gates on three qubits (ccx, cswap) as CX and one-qubit gates, keeping their condition. */
    private static List<Operation> atMostTwoQubits(Circuit flat) {
        List<Operation> out = new ArrayList<>();
        for (Operation op : flat.operations()) {
            if (op instanceof GateOperation g && g.qubits().size() > 2) {
                List<Operation> parts = new ArrayList<>();
                BasisTranslation.toCx(Operations.conditioned(g, null), parts);
                parts.forEach(p -> out.add(Operations.conditioned((GateOperation) p, g.conditionOrNull())));
            } else {
                out.add(op);
            }
        }
        return out;
    }

    /**
     * Measurements that end their qubit's use and whose bit nothing later reads or writes: they
     * are made after routing, on the device qubit where their circuit qubit ends. Measuring
     * first and swapping the collapsed qubit on is the same, but keeps every measurement last,
     * so that simulators sample once instead of shot by shot.
     */
    private static boolean[] deferrableMeasurements(List<Operation> ops) {
        boolean[] out = new boolean[ops.size()];
        java.util.Set<Integer> laterQubits = new java.util.HashSet<>();
        java.util.Set<Integer> laterClbits = new java.util.HashSet<>();
        for (int i = ops.size() - 1; i >= 0; i--) {
            Operation op = ops.get(i);
            out[i] = op instanceof Measurement m && m.condition().isEmpty() && !laterQubits.contains(m.qubit())
                    && !laterClbits.contains(m.clbit());
            laterQubits.addAll(op.qubits());
            laterClbits.addAll(Operations.clbitsTouched(op));
        }
        return out;
    }

    /** How many times each circuit qubit is measured. */
    private static int[] measuredQubits(List<Operation> ops, int qubits) {
        int[] count = new int[qubits];
        for (Operation op : ops) {
            if (op instanceof Measurement m) {
                count[m.qubit()]++;
            }
        }
        return count;
    }

    /**
     * Log of the estimated fidelity of a routing of the two-qubit gates: their couplers' errors (a
     * SWAP as three native gates) and the readout errors where the measured qubits end up.
     */
    private double logFidelity(SabreRouting.Routed routed, int[] measured) {
        double sum = 0;
        for (Operation op : routed.operations()) {
            double e = errors.twoQubit(op.qubits().get(0), op.qubits().get(1));
            sum += (((GateOperation) op).gate() == StandardGate.SWAP ? 3 : 1) * Math.log1p(-Math.min(e, 1 - 1e-12));
        }
        for (int v = 0; v < measured.length; v++) {
            sum += measured[v] * Math.log1p(-Math.min(errors.readout(routed.finalLayout().physical(v)), 1 - 1e-12));
        }
        return sum;
    }

    private static Circuit optimise(Circuit isa) {
        Circuit current = isa;
        for (int round = 0; round < MAX_OPTIMISATION_ROUNDS; round++) {
            Circuit next = InverseCancellation.apply(OneQubitMerge.apply(current));
            if (next.operations().size() == current.operations().size()) {
                return next;
            }
            current = next;
        }
        return current;
    }

    /** The routed operations in a circuit of the device's size, with the original classical registers. */
    private Circuit onDevice(Circuit original, List<Operation> routed) {
        CircuitBuilder b = Circuit.builder();
        boolean qTaken = original.classicalRegisters().stream().anyMatch(r -> r.name().equals("q"));
        b.addQuantumRegister(qTaken ? "phys" : "q", device.qubits());
        for (ClassicalRegister r : original.classicalRegisters()) {
            b.addClassicalRegister(r.name(), r.size());
        }
        routed.forEach(b::add);
        return b.build();
    }

    private static Map<String, Integer> labels(Circuit circuit, Layout layout) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int v = 0; v < circuit.numQubits(); v++) {
            m.put(circuit.qubitLabel(v), layout.physical(v));
        }
        return m;
    }
}
