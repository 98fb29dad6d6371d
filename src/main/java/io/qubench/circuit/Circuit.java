package io.qubench.circuit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.qubench.circuit.Operation.Barrier;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.Operation.Measurement;
import io.qubench.circuit.Operation.Reset;

/**
 * An immutable quantum circuit: registers, the user-defined gates it uses, and a list of
 * operations on circuit-wide qubit and clbit indices. Built with {@link CircuitBuilder}; every
 * structural rule is checked on construction.
 */
public final class Circuit {

    private final List<QuantumRegister> quantumRegisters;
    private final List<ClassicalRegister> classicalRegisters;
    private final Map<String, GateDefinition> definitions;
    private final List<Operation> operations;
    private final int numQubits;
    private final int numClbits;

    Circuit(List<QuantumRegister> quantumRegisters, List<ClassicalRegister> classicalRegisters,
            List<GateDefinition> declared, List<Operation> operations) {
        this.quantumRegisters = List.copyOf(quantumRegisters);
        this.classicalRegisters = List.copyOf(classicalRegisters);
        this.operations = List.copyOf(operations);
        this.numQubits = quantumRegisters.stream().mapToInt(QuantumRegister::size).sum();
        this.numClbits = classicalRegisters.stream().mapToInt(ClassicalRegister::size).sum();
        this.definitions = Collections.unmodifiableMap(collectDefinitions(declared, operations));
        checkRegisters();
        for (int i = 0; i < operations.size(); i++) {
            check(operations.get(i), i);
        }
    }

    public static CircuitBuilder builder() {
        return new CircuitBuilder();
    }

    public List<QuantumRegister> quantumRegisters() {
        return quantumRegisters;
    }

    public List<ClassicalRegister> classicalRegisters() {
        return classicalRegisters;
    }

    /** User-defined gates, each after the ones its body uses. */
    public List<GateDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    public List<Operation> operations() {
        return operations;
    }

    public int numQubits() {
        return numQubits;
    }

    public int numClbits() {
        return numClbits;
    }

    /** The same registers and definitions with other operations (used by editors and transforms). */
    public Circuit withOperations(List<Operation> newOperations) {
        return new Circuit(quantumRegisters, classicalRegisters, definitions(), newOperations);
    }

    /** Operations other than barriers. */
    public int size() {
        return (int) operations.stream().filter(o -> !(o instanceof Barrier)).count();
    }

    /** Gates only (no measurements, resets or barriers). */
    public int gateCount() {
        return (int) operations.stream().filter(o -> o instanceof GateOperation).count();
    }

    /** Length of the longest path through the circuit, counting every operation but barriers. */
    public int depth() {
        int[] qubitLevel = new int[numQubits];
        int[] clbitLevel = new int[numClbits];
        int depth = 0;
        for (Operation op : operations) {
            List<Integer> clbits = new ArrayList<>(op.clbits());
            op.condition().ifPresent(c -> clbits.addAll(c.clbits()));
            int level = 0;
            for (int q : op.qubits()) {
                level = Math.max(level, qubitLevel[q]);
            }
            for (int c : clbits) {
                level = Math.max(level, clbitLevel[c]);
            }
            if (!(op instanceof Barrier)) {
                level++;
            }
            for (int q : op.qubits()) {
                qubitLevel[q] = level;
            }
            for (int c : clbits) {
                clbitLevel[c] = level;
            }
            depth = Math.max(depth, level);
        }
        return depth;
    }

    /** Free parameter names used by operations ({@code theta}), in order of first use. */
    public Set<String> parameters() {
        Set<String> out = new LinkedHashSet<>();
        for (Operation op : operations) {
            if (op instanceof GateOperation g) {
                g.params().forEach(e -> e.collectSymbols(out));
            }
        }
        return out;
    }

    /** Replaces free parameters by values. */
    public Circuit bind(Map<String, Double> values) {
        Map<String, Expression> replacements = new HashMap<>();
        values.forEach((k, v) -> replacements.put(k, Expression.of(v)));
        List<Operation> ops = operations.stream().map(op -> op instanceof GateOperation g
                ? (Operation) new GateOperation(g.gate(), g.params().stream().map(e -> e.substitute(replacements)).toList(),
                        g.qubits(), g.conditionOrNull())
                : op).toList();
        return withOperations(ops);
    }

    /** The circuit with every user-defined gate replaced, recursively, by its body of standard gates. */
    public Circuit inlined() {
        if (definitions.isEmpty()) {
            return this;
        }
        List<Operation> out = new ArrayList<>(operations.size());
        for (Operation op : operations) {
            if (op instanceof GateOperation g) {
                inline(g.gate(), g.params(), g.qubits(), g.conditionOrNull(), out);
            } else {
                out.add(op);
            }
        }
        return new Circuit(quantumRegisters, classicalRegisters, List.of(), out);
    }

    private static void inline(Gate gate, List<Expression> params, List<Integer> qubits, Condition condition, List<Operation> out) {
        if (gate instanceof GateDefinition d) {
            for (GateDefinition.Call call : d.expand(params)) {
                List<Integer> mapped = call.arguments().stream().map(qubits::get).toList();
                inline(call.gate(), call.params(), mapped, condition, out);
            }
        } else {
            out.add(new GateOperation(gate, params, qubits, condition));
        }
    }

    /** Display label of a qubit such as {@code q[3]}. */
    public String qubitLabel(int qubit) {
        for (QuantumRegister r : quantumRegisters) {
            if (r.contains(qubit)) {
                return r.name() + "[" + (qubit - r.offset()) + "]";
            }
        }
        throw new CircuitException("qubit " + qubit + " is out of range (circuit has " + numQubits + ")");
    }

    /** Display label of a classical bit such as {@code c[0]}. */
    public String clbitLabel(int clbit) {
        for (ClassicalRegister r : classicalRegisters) {
            if (r.contains(clbit)) {
                return r.name() + "[" + (clbit - r.offset()) + "]";
            }
        }
        throw new CircuitException("classical bit " + clbit + " is out of range (circuit has " + numClbits + ")");
    }

    private void checkRegisters() {
        Set<String> names = new LinkedHashSet<>();
        int q = 0;
        for (QuantumRegister r : quantumRegisters) {
            if (!names.add(r.name())) {
                throw new CircuitException("register '" + r.name() + "' is declared twice");
            }
            if (r.offset() != q) {
                throw new CircuitException("register '" + r.name() + "' starts at qubit " + r.offset() + ", expected " + q);
            }
            q += r.size();
        }
        int c = 0;
        for (ClassicalRegister r : classicalRegisters) {
            if (!names.add(r.name())) {
                throw new CircuitException("register '" + r.name() + "' is declared twice");
            }
            if (r.offset() != c) {
                throw new CircuitException("register '" + r.name() + "' starts at bit " + r.offset() + ", expected " + c);
            }
            c += r.size();
        }
    }

    private void check(Operation op, int index) {
        for (int q : op.qubits()) {
            if (q < 0 || q >= numQubits) {
                throw new CircuitException("operation " + (index + 1) + " uses qubit " + q + " but the circuit has " + numQubits);
            }
        }
        for (int c : op.clbits()) {
            if (c < 0 || c >= numClbits) {
                throw new CircuitException("operation " + (index + 1) + " uses classical bit " + c + " but the circuit has " + numClbits);
            }
        }
        op.condition().ifPresent(cond -> {
            if (!classicalRegisters.contains(cond.register())) {
                throw new CircuitException("operation " + (index + 1) + " is conditioned on register '"
                        + cond.register().name() + "' which is not in the circuit");
            }
        });
    }

    private static Map<String, GateDefinition> collectDefinitions(List<GateDefinition> declared, List<Operation> operations) {
        Map<String, GateDefinition> out = new LinkedHashMap<>();
        for (GateDefinition d : declared) {
            addWithDependencies(d, out);
        }
        for (Operation op : operations) {
            if (op instanceof GateOperation g && g.gate() instanceof GateDefinition d) {
                addWithDependencies(d, out);
            }
        }
        return out;
    }

    private static void addWithDependencies(GateDefinition d, Map<String, GateDefinition> out) {
        GateDefinition existing = out.get(d.name());
        if (existing != null) {
            if (!existing.equals(d)) {
                throw new CircuitException("two different gates are named '" + d.name() + "'");
            }
            return;
        }
        for (GateDefinition.Call c : d.body()) {
            if (c.gate() instanceof GateDefinition inner) {
                addWithDependencies(inner, out);
            }
        }
        out.put(d.name(), d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Circuit c && c.quantumRegisters.equals(quantumRegisters)
                && c.classicalRegisters.equals(classicalRegisters) && c.operations.equals(operations)
                && c.definitions.equals(definitions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(quantumRegisters, classicalRegisters, operations);
    }

    @Override
    public String toString() {
        return "Circuit[" + numQubits + " qubits, " + numClbits + " clbits, " + operations.size() + " operations]";
    }

    static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    static List<Integer> toList(int... values) {
        return Arrays.stream(values).boxed().toList();
    }
}
